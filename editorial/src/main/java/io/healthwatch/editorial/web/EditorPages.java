package io.healthwatch.editorial.web;

import static io.healthwatch.editorial.issue.HtmlText.escape;

import io.healthwatch.contracts.calendar.WeeklyCalendar;
import io.healthwatch.editorial.issue.EditorOverrides;
import io.healthwatch.editorial.issue.HtmlText;
import io.healthwatch.editorial.issue.IssueStore;
import io.healthwatch.editorial.search.ArticleSearch;
import io.healthwatch.indexer.bulk.ArticleDocument;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The editors' pages as HTML. Plain forms and links, no script: every value from a crawled page or
 * a request is escaped, and the server forbids scripts outright (Content-Security-Policy).
 */
final class EditorPages {
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A week that has candidates, and its issue if one was published. */
  record Week(LocalDate windowEnd, Optional<IssueStore.Entry> issue) {}

  /** The search form's values, echoed back into the form. */
  record SearchForm(
      String text, String source, String entity, String topic, LocalDate from, LocalDate to) {}

  private final String namespace;
  private final WeeklyCalendar calendar;

  private final boolean loggedIn;

  EditorPages(String namespace, WeeklyCalendar calendar) {
    this(namespace, calendar, false);
  }

  /**
   * @param loggedIn whether the pages are behind a login (they offer to log out)
   */
  EditorPages(String namespace, WeeklyCalendar calendar, boolean loggedIn) {
    this.namespace = namespace;
    this.calendar = calendar;
    this.loggedIn = loggedIn;
  }

  String archive(List<IssueStore.Entry> issues, List<Week> weeks) {
    var html = new StringBuilder();
    html.append(searchBox(new SearchForm("", null, null, null, null, null), null));
    html.append("<section id=\"weeks\"><h2>待编周报 · Weeks with candidates</h2>");
    if (weeks.isEmpty()) {
      html.append("<p class=\"empty\">No relevant article is indexed yet.</p>");
    } else {
      html.append("<ul class=\"weeks\">");
      for (Week week : weeks) {
        html.append("<li><a class=\"week\" href=\"/weeks/")
            .append(week.windowEnd())
            .append("\">")
            .append(range(week.windowEnd()))
            .append("</a> ")
            .append(
                week.issue()
                    .map(i -> "<span class=\"published\">已发布 " + escape(i.numberText()) + "</span>")
                    .orElse("<span class=\"open\">未发布</span>"))
            .append("</li>");
      }
      html.append("</ul>");
    }
    html.append("</section><section id=\"archive\"><h2>周报存档 · Issues</h2>");
    if (issues.isEmpty()) {
      html.append("<p class=\"empty\">No issue has been published yet.</p>");
    } else {
      html.append(
          "<table><thead><tr><th>期号</th><th>时间范围</th><th>篇数</th><th>生成时间</th></tr></thead><tbody>");
      for (IssueStore.Entry issue : issues) {
        html.append("<tr><td><a class=\"issue\" href=\"/issues/")
            .append(issue.windowEnd())
            .append("\">")
            .append(escape(issue.numberText()))
            .append("</a></td><td>")
            .append(issue.windowStart())
            .append(" – ")
            .append(issue.windowEnd())
            .append("</td><td>")
            .append(issue.articleIds() == null ? 0 : issue.articleIds().size())
            .append("</td><td>")
            .append(
                issue.generatedAt() == null
                    ? ""
                    : DAY_TIME.format(issue.generatedAt().atZone(calendar.zone())))
            .append("</td></tr>");
      }
      html.append("</tbody></table>");
    }
    html.append("</section>");
    return page("healthwatch 编辑台", html.toString());
  }

  String search(SearchForm form, ArticleSearch.Facets facets, ArticleSearch.Result result) {
    var html = new StringBuilder(searchBox(form, facets));
    html.append("<section id=\"results\"><h2>").append(result.total()).append(" 篇 · articles</h2>");
    if (result.hits().isEmpty()) {
      html.append("<p class=\"empty\">Nothing matches.</p>");
    }
    html.append("<ol class=\"hits\">");
    for (ArticleSearch.Hit hit : result.hits()) {
      ArticleDocument a = hit.article();
      html.append("<li class=\"hit\"><h3>")
          .append(HtmlText.link(a.url(), a.title()))
          .append("</h3><p class=\"meta\">")
          .append(escape(a.source()))
          .append(" · ")
          .append(published(a))
          .append(" · 相关度 ")
          .append(String.format("%.2f", a.relevance()))
          .append(topics(a))
          .append(weekLink(a))
          .append("</p><p class=\"snippet\">")
          .append(escape(snippet(a.body(), 140)))
          .append("</p></li>");
    }
    html.append("</ol></section>");
    return page("搜索 · healthwatch", html.toString());
  }

  /**
   * @param publishedAs the week's issue number as the reports write it (第五七五期), if published
   */
  String week(
      LocalDate windowEnd,
      Optional<String> publishedAs,
      List<ArticleDocument> candidates,
      Set<String> selected,
      EditorOverrides.Choices choices,
      int articlesPerIssue) {
    var html = new StringBuilder();
    html.append("<section id=\"week\"><h2>")
        .append(range(windowEnd))
        .append("</h2><p>")
        .append(
            publishedAs
                .map(
                    numberText ->
                        "已发布 <a class=\"issue\" href=\"/issues/"
                            + windowEnd
                            + "\">"
                            + escape(numberText)
                            + "</a>; publishing again updates it.")
                .orElse("Not published yet."))
        .append(
            " The issue takes the editor's pins, then the most relevant articles not excluded, ")
        .append(articlesPerIssue)
        .append(" in all. Marked <span class=\"tag selected\">入选</span>: what it holds now.</p>")
        .append("<form method=\"post\" action=\"/weeks/")
        .append(windowEnd)
        .append("/publish\"><button id=\"publish\" type=\"submit\">发布本期 · Publish</button></form>")
        .append("</section><section id=\"candidates\"><h2>候选文章 · Candidates by relevance</h2>");
    if (candidates.isEmpty()) {
      html.append("<p class=\"empty\">No relevant article in this week.</p>");
    }
    html.append("<table><thead><tr><th>#</th><th>标题</th><th>来源</th><th>发布时间</th>")
        .append("<th>相关度</th><th>状态</th><th>编辑</th></tr></thead><tbody>");
    int rank = 0;
    for (ArticleDocument a : candidates) {
      rank++;
      boolean pinned = choices.pinned().contains(a.id());
      boolean excluded = choices.excluded().contains(a.id());
      html.append("<tr class=\"candidate\" data-id=\"")
          .append(escape(a.id()))
          .append("\"><td>")
          .append(rank)
          .append("</td><td>")
          .append(HtmlText.link(a.url(), a.title()))
          .append("</td><td>")
          .append(escape(a.source()))
          .append("</td><td>")
          .append(published(a))
          .append("</td><td>")
          .append(String.format("%.2f", a.relevance()))
          .append("</td><td>")
          .append(pinned ? "<span class=\"tag pinned\">置顶</span>" : "")
          .append(excluded ? "<span class=\"tag excluded\">排除</span>" : "")
          .append(selected.contains(a.id()) ? "<span class=\"tag selected\">入选</span>" : "")
          .append("</td><td class=\"actions\">")
          .append(pinned ? "" : choiceButton(windowEnd, a.id(), "pin", "置顶"))
          .append(excluded ? "" : choiceButton(windowEnd, a.id(), "exclude", "排除"))
          .append(pinned || excluded ? choiceButton(windowEnd, a.id(), "clear", "取消") : "")
          .append("</td></tr>");
    }
    html.append("</tbody></table></section>");
    return page(windowEnd + " · healthwatch", html.toString());
  }

  /** The stored issue page with a way back to the archive. */
  String issue(String storedHtml) {
    String nav =
        "<nav style=\"max-width:860px;margin:1rem auto 0;font:15px sans-serif\">"
            + "<a href=\"/\">← 编辑台 · archive</a></nav>";
    int body = storedHtml.indexOf("<body>");
    return body < 0
        ? storedHtml
        : storedHtml.substring(0, body + 6) + "\n" + nav + storedHtml.substring(body + 6);
  }

  /** The login form; {@code next} is where a successful login leads (a path of these pages). */
  String login(String next, String refusal) {
    return page(
        false,
        "登录 · healthwatch",
        "<section id=\"login\"><h2>登录</h2>"
            + (refusal == null ? "" : "<p class=\"refusal\">" + escape(refusal) + "</p>")
            + "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"next\" value=\""
            + escape(next)
            + "\"><label>密码 <input id=\"password\" type=\"password\" name=\"password\""
            + " autocomplete=\"current-password\" autofocus></label>"
            + " <button id=\"login-button\" type=\"submit\">登录</button></form></section>");
  }

  String error(int status, String message) {
    return page(
        status + " · healthwatch",
        "<section id=\"error\"><h2>" + status + "</h2><p>" + escape(message) + "</p></section>");
  }

  private static String choiceButton(
      LocalDate windowEnd, String articleId, String action, String label) {
    return "<form method=\"post\" action=\"/weeks/"
        + windowEnd
        + "/choices\"><input type=\"hidden\" name=\"id\" value=\""
        + escape(articleId)
        + "\"><input type=\"hidden\" name=\"action\" value=\""
        + action
        + "\"><button class=\""
        + action
        + "\" type=\"submit\">"
        + label
        + "</button></form>";
  }

  private String searchBox(SearchForm form, ArticleSearch.Facets facets) {
    var html = new StringBuilder("<form id=\"search\" method=\"get\" action=\"/search\">");
    html.append("<input id=\"q\" name=\"q\" placeholder=\"搜索标题和正文，如 医保码\" value=\"")
        .append(escape(form.text()))
        .append("\">");
    if (facets != null) {
      html.append(select("source", "全部来源", facets.sources(), form.source()));
      html.append(select("topic", "全部主题", facets.topics(), form.topic()));
      html.append("<input id=\"entity\" name=\"entity\" placeholder=\"实体，如 北京协和医院\" value=\"")
          .append(escape(form.entity()))
          .append("\">")
          .append("<label>从 <input type=\"date\" name=\"from\" value=\"")
          .append(form.from() == null ? "" : form.from())
          .append("\"></label><label>到 <input type=\"date\" name=\"to\" value=\"")
          .append(form.to() == null ? "" : form.to())
          .append("\"></label>");
    }
    return html.append("<button id=\"search-button\" type=\"submit\">搜索</button></form>")
        .toString();
  }

  private static String select(String name, String all, List<String> values, String chosen) {
    var html =
        new StringBuilder("<select name=\"")
            .append(name)
            .append("\" id=\"")
            .append(name)
            .append("\"><option value=\"\">")
            .append(all)
            .append("</option>");
    for (String value : values) {
      html.append("<option")
          .append(value.equals(chosen) ? " selected" : "")
          .append(" value=\"")
          .append(escape(value))
          .append("\">")
          .append(escape(value))
          .append("</option>");
    }
    return html.append("</select>").toString();
  }

  private static String topics(ArticleDocument a) {
    if (a.topicIds() == null || a.topicIds().isEmpty()) {
      return "";
    }
    return " · " + escape(String.join(", ", a.topicIds()));
  }

  private static String weekLink(ArticleDocument a) {
    if (a.window() == null || a.window().end() == null) {
      return "";
    }
    return " · <a href=\"/weeks/"
        + URLEncoder.encode(a.window().end(), StandardCharsets.UTF_8)
        + "\">本周候选</a>";
  }

  /**
   * A week's days as the calendar counts them; a week the enricher windowed under another calendar
   * is shown by its end alone, marked, rather than with a start that is not its own.
   */
  private String range(LocalDate windowEnd) {
    if (windowEnd.getDayOfWeek() != calendar.endDay()) {
      return windowEnd + " (not a week of this calendar: weeks end on a " + calendar.endDay() + ")";
    }
    return calendar.windowEndingOn(windowEnd).start() + " – " + windowEnd;
  }

  private String published(ArticleDocument a) {
    return a.publishedAt() == null
        ? ""
        : DAY_TIME.format(a.publishedAt().atZoneSameInstant(calendar.zone()));
  }

  private static String snippet(String body, int length) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("\\s+", " ").strip();
    return flat.length() <= length ? flat : flat.substring(0, length) + "…";
  }

  private String page(String title, String content) {
    return page(loggedIn, title, content);
  }

  private String page(boolean offerLogout, String title, String content) {
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + escape(title)
        + "</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n<header><a class=\"home\" href=\"/\">healthwatch 编辑台</a>"
        + "<span class=\"ns\">"
        + escape(namespace.isEmpty() ? "" : "namespace " + namespace)
        + "</span>"
        + (offerLogout
            ? "<form class=\"logout\" method=\"post\" action=\"/logout\"><button"
                + " type=\"submit\">退出</button></form>"
            : "")
        + "</header>\n<main>\n"
        + content
        + "\n</main>\n</body>\n</html>\n";
  }

  static Map<String, String> securityHeaders() {
    return Map.of(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
            + " base-uri 'none'; frame-ancestors 'none'",
        "X-Content-Type-Options",
        "nosniff",
        "Referrer-Policy",
        "no-referrer");
  }

  private static final String STYLE =
      """
      body { margin: 0; background: #f4f5f7; color: #1f2328;
        font: 15px/1.6 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
        sans-serif; }
      header { background: #b22222; color: #fff; padding: .7rem 2rem; display: flex;
        justify-content: space-between; }
      header a.home { color: #fff; font-weight: bold; text-decoration: none; font-size: 1.1rem; }
      header .ns { opacity: .8; }
      main { max-width: 1100px; margin: 1.5rem auto; background: #fff; padding: 1.5rem 2rem;
        box-shadow: 0 1px 4px rgba(0,0,0,.08); }
      h2 { font-size: 1.15rem; border-left: 4px solid #b22222; padding-left: .6rem; }
      h3 { font-size: 1.05rem; margin: .2rem 0; }
      form#search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
      form#search input#q { flex: 1 1 20rem; padding: .4rem; font-size: 1rem; }
      input, select, button { font: inherit; padding: .3rem .5rem; }
      button { border: 1px solid #b22222; background: #fff; color: #b22222; border-radius: 3px;
        cursor: pointer; }
      button#publish, button#search-button { background: #b22222; color: #fff; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #e5e5e5;
        vertical-align: top; }
      td.actions form { display: inline; margin-right: .3rem; }
      .tag { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: 3px;
        margin-right: .2rem; color: #fff; }
      .tag.pinned { background: #b8860b; } .tag.excluded { background: #777; }
      .tag.selected { background: #2e7d32; }
      .published { color: #2e7d32; } .open { color: #b8860b; }
      ol.hits { padding-left: 1.2rem; } li.hit { margin: 1rem 0; }
      .meta { color: #555; margin: .1rem 0; } .snippet { margin: .2rem 0; color: #333; }
      .empty { color: #777; }
      a { color: #0b5cad; }
      """;
}
