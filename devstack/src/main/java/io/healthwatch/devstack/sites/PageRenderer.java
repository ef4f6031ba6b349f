package io.healthwatch.devstack.sites;

import io.healthwatch.devstack.sites.DemoCorpus.Article;
import io.healthwatch.devstack.sites.DemoCorpus.Outlet;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes article and list pages the way the outlets' real sites lay them out: navigation, share
 * bars, editor lines, related-article lists and footers around the text, so extraction is tested on
 * what it meets in the wild. Layouts are chosen per outlet.
 */
final class PageRenderer {
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter CHINESE_DAY =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private PageRenderer() {}

  static String article(Outlet outlet, Article article, List<Article> related) {
    if ("broken".equals(article.kind())) {
      // A page cut off mid-transfer by a misbehaving CMS: no title element, no text.
      return "<!DOCTYPE html><html><head><meta charset=\""
          + outlet.charset()
          + "\"><scr"
          + "ipt>var a=1;</script></head><body><div class=\"nav\"><a href=\"/\">首页</a>"
          + "<div class=\"content\"><p>\u0000\u0000";
    }
    var html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n")
        .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
        .append(outlet.charset())
        .append("\">\n")
        .append("<title>")
        .append(esc(article.title()))
        .append("_")
        .append(esc(outlet.name()))
        .append("</title>\n")
        .append("<meta name=\"keywords\" content=\"")
        .append(esc(outlet.name()))
        .append(",新闻\">\n")
        .append("<link rel=\"canonical\" href=\"")
        .append(esc(article.link()))
        .append("\">\n");
    if (!"epaper".equals(outlet.layout())) {
      html.append("<meta property=\"og:title\" content=\"")
          .append(esc(article.title()))
          .append("\">\n");
    }
    if ("xinhua".equals(outlet.layout())) {
      html.append("<meta name=\"publishdate\" content=\"")
          .append(article.date().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
          .append("\">\n");
    }
    html.append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n");
    nav(html, outlet);
    switch (outlet.layout()) {
      case "xinhua" -> xinhua(html, outlet, article);
      case "chinanews" -> chinanews(html, outlet, article);
      case "epaper" -> epaper(html, outlet, article);
      default -> portal(html, outlet, article);
    }
    relatedAndFooter(html, outlet, related);
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static void nav(StringBuilder html, Outlet outlet) {
    html.append("<div class=\"topbar\"><a href=\"/\">")
        .append(esc(outlet.name()))
        .append("首页</a> | <a href=\"/politics/\">时政</a> | <a href=\"/finance/\">财经</a> | ")
        .append(
            "<a href=\"/health/\">健康</a> | <a href=\"/tech/\">科技</a> | <a href=\"/sports/\">体育</a>")
        .append(" <form action=\"/search\"><input name=\"q\" placeholder=\"搜索\"></form></div>\n")
        .append("<div class=\"ad\"><a href=\"/ad?id=77\">【广告】下载客户端，新闻随时看</a></div>\n");
  }

  private static String source(Article article, Outlet outlet) {
    return article.source() == null ? outlet.name() : article.source();
  }

  private static void xinhua(StringBuilder html, Outlet outlet, Article article) {
    html.append("<div class=\"header\"><div class=\"head-line\"><h1><span class=\"title\">")
        .append(esc(article.title()))
        .append("</span></h1></div>\n")
        .append("<div class=\"header-cont\"><div class=\"info\"><span class=\"year\"><em>")
        .append(article.date().getYear())
        .append("</em></span> <span class=\"day\">")
        .append(article.date().format(DateTimeFormatter.ofPattern("MM/dd HH:mm:ss")))
        .append("</span> <span class=\"source\">来源：")
        .append(esc(source(article, outlet)))
        .append("</span></div>\n")
        .append("<div class=\"share\">分享到：<a href=\"#\">微信</a> <a href=\"#\">微博</a> ")
        .append(
            "<a href=\"#\">QQ空间</a> 字体：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a></div></div></div>\n")
        .append("<div class=\"main\"><div id=\"detail\">\n");
    paragraphs(html, article);
    html.append("</div>\n<div class=\"editor\">【责任编辑:王璐】</div>\n")
        .append(
            "<div class=\"bottom-share\">【纠错】 <a href=\"#\">打印</a> <a href=\"#\">关闭</a></div></div>\n");
  }

  private static void portal(StringBuilder html, Outlet outlet, Article article) {
    html.append(
            "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/health/\">健康</a> &gt; 正文</div>\n")
        .append("<div class=\"article\">\n<h1>")
        .append(esc(article.title()))
        .append("</h1>\n")
        .append("<div class=\"source\"><span>")
        .append(article.date().format(DAY_TIME))
        .append("</span>　<span>来源：")
        .append(esc(source(article, outlet)))
        .append("</span>")
        .append("　<span class=\"hits\">阅读：1024</span></div>\n")
        .append("<div class=\"share-bar\"><span>分享：</span><a>微信</a><a>微博</a><a>复制链接</a></div>\n")
        .append("<div class=\"content\" id=\"content\">\n");
    paragraphs(html, article);
    html.append("</div>\n<p class=\"author\">作者：李明　编辑：陈静</p>\n</div>\n");
  }

  private static void chinanews(StringBuilder html, Outlet outlet, Article article) {
    html.append(
            "<div class=\"con_left\"><div class=\"content\">\n<h1 class=\"content_left_title\">")
        .append(esc(article.title()))
        .append("</h1>\n")
        .append("<div class=\"left-time\"><div class=\"left-t\">")
        .append(article.date().format(CHINESE_DAY))
        .append("　来源：")
        .append(esc(source(article, outlet)))
        .append("</div><div class=\"share\"><a>参与互动</a></div></div>\n")
        .append("<div class=\"left_zw\" style=\"position:relative\">\n");
    paragraphs(html, article);
    html.append("<div class=\"adInContent\"><a href=\"/ad\">【推广】健康知识问答</a></div>\n")
        .append("<div class=\"left_name\"><div class=\"left_name\">【编辑:张子怡】</div></div>\n")
        .append("</div></div></div>\n");
  }

  private static void epaper(StringBuilder html, Outlet outlet, Article article) {
    html.append("<table class=\"layout\"><tr><td class=\"left\"><div class=\"banmian\">")
        .append("<a href=\"/bm/A01.htm\">A01版：要闻</a><br><a href=\"/bm/A02.htm\">A02版：北京</a>")
        .append("</div></td><td class=\"right\">\n")
        .append("<div class=\"text_c\"><h3>本市</h3><h1>")
        .append(esc(article.title()))
        .append("</h1><h4>")
        .append(esc(source(article, outlet)))
        .append("　")
        .append(article.date().getYear())
        .append("年")
        .append(article.date().getMonthValue())
        .append("月")
        .append(article.date().getDayOfMonth())
        .append("日</h4>\n")
        .append("<div id=\"ozoom\"><founder-content>\n");
    paragraphs(html, article);
    html.append("</founder-content></div></div></td></tr></table>\n");
  }

  private static void paragraphs(StringBuilder html, Article article) {
    for (String paragraph : article.paragraphs()) {
      html.append("<p>").append(esc(paragraph)).append("</p>\n");
    }
  }

  private static void relatedAndFooter(StringBuilder html, Outlet outlet, List<Article> related) {
    html.append("<div class=\"related\"><h3>相关新闻</h3><ul>\n");
    for (Article other : related) {
      html.append("<li><a href=\"")
          .append(esc(other.localPath()))
          .append("\">")
          .append(esc(other.title()))
          .append("</a></li>\n");
    }
    html.append("</ul></div>\n<div class=\"footer\"><p>关于我们 | 联系我们 | 广告服务 | 网站地图</p>")
        .append("<p>Copyright © ")
        .append(esc(outlet.name()))
        .append(" 版权所有 未经书面授权禁止转载</p><p>互联网新闻信息服务许可证 10120170001 ICP备12345678号</p></div>\n");
  }

  static String listPage(Outlet outlet, List<Article> articles) {
    var html = new StringBuilder(4096);
    html.append(
            "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
        .append(outlet.charset())
        .append("\"><title>健康 - ")
        .append(esc(outlet.name()))
        .append("</title></head><body>\n");
    nav(html, outlet);
    html.append("<ul class=\"news-list\">\n");
    for (Article article : articles) {
      html.append("<li><a href=\"")
          .append(esc(article.localPath()))
          .append("\">")
          .append(esc(article.title()))
          .append("</a><span class=\"time\">")
          .append(article.date().toLocalDate())
          .append("</span></li>\n");
    }
    html.append(
            "</ul>\n<div class=\"pages\"><a href=\"/list.html\">1</a> <a href=\"/about.html\">关于我们</a></div>\n")
        .append("</body></html>\n");
    return html.toString();
  }

  static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
