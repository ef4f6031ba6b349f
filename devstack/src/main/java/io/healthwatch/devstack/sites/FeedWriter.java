package io.healthwatch.devstack.sites;

import static io.healthwatch.devstack.sites.PageRenderer.esc;

import io.healthwatch.devstack.sites.DemoCorpus.Article;
import io.healthwatch.devstack.sites.DemoCorpus.Outlet;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** RSS 2.0 and Atom 1.0 feeds of an outlet, linking to its local article pages. */
public final class FeedWriter {
  private FeedWriter() {}

  /** Each article an item: title, link under {@code base}, RFC 822 date, first paragraph. */
  public static String rss(Outlet outlet, String base, List<Article> articles) {
    var xml = new StringBuilder(4096);
    xml.append("<?xml version=\"1.0\" encoding=\"")
        .append(outlet.charset())
        .append("\"?>\n")
        .append("<rss version=\"2.0\"><channel>\n<title>")
        .append(esc(outlet.name()))
        .append(" - 健康频道</title>\n<link>")
        .append(base)
        .append("/</link>\n")
        .append("<description>")
        .append(esc(outlet.name()))
        .append("</description>\n");
    for (Article article : articles) {
      xml.append("<item><title>")
          .append(esc(article.title()))
          .append("</title>")
          .append("<link>")
          .append(base)
          .append(esc(article.localPath()))
          .append("</link>")
          .append("<pubDate>")
          .append(article.date().format(DateTimeFormatter.RFC_1123_DATE_TIME))
          .append("</pubDate><description><![CDATA[")
          .append(article.paragraphs().isEmpty() ? "" : article.paragraphs().get(0))
          .append("]]></description></item>\n");
    }
    return xml.append("</channel></rss>\n").toString();
  }

  static String atom(Outlet outlet, String base, List<Article> articles) {
    var xml = new StringBuilder(4096);
    xml.append("<?xml version=\"1.0\" encoding=\"")
        .append(outlet.charset())
        .append("\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>")
        .append(esc(outlet.name()))
        .append("</title>\n<id>")
        .append(base)
        .append("/</id>\n<link href=\"")
        .append(base)
        .append("/\"/>\n<updated>2025-06-27T00:00:00+08:00</updated>\n");
    for (Article article : articles) {
      String date = article.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      xml.append("<entry><title>")
          .append(esc(article.title()))
          .append("</title>")
          .append("<link rel=\"alternate\" href=\"")
          .append(base)
          .append(esc(article.localPath()))
          .append("\"/><id>")
          .append(esc(article.link()))
          .append("</id><updated>")
          .append(date)
          .append("</updated><published>")
          .append(date)
          .append("</published></entry>\n");
    }
    return xml.append("</feed>\n").toString();
  }

  /** A Google News sitemap of the outlet's articles. */
  static String newsSitemap(Outlet outlet, String base, List<Article> articles) {
    var xml = new StringBuilder(4096);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
        .append("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
    for (Article article : articles) {
      xml.append("<url><loc>")
          .append(base)
          .append(esc(article.localPath()))
          .append("</loc><news:news>")
          .append("<news:publication><news:name>")
          .append(esc(outlet.name()))
          .append("</news:name><news:language>zh</news:language></news:publication>")
          .append("<news:publication_date>")
          .append(article.date().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
          .append("</news:publication_date><news:title>")
          .append(esc(article.title()))
          .append("</news:title></news:news></url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }
}
