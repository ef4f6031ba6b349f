package io.healthwatch.editorial.web;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.healthwatch.editorial.EditorialConfig;
import io.healthwatch.editorial.issue.IssueStore;
import io.healthwatch.editorial.issue.WeeklyIssue;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The Atom feed of published issues ({@code /issues.atom}), newest first: one entry per week, its
 * id stable across revisions, updated at each revision, linking to the issue's page and listing its
 * articles.
 */
final class IssueFeed {
  static final String PATH = "/issues.atom";
  static final int ENTRIES = 50;

  private final IssueStore archive;
  private final EditorialConfig.Issues issues;
  private final String namespace;

  IssueFeed(IssueStore archive, EditorialConfig.Issues issues, String namespace) {
    this.archive = archive;
    this.issues = issues;
    this.namespace = namespace;
  }

  /**
   * @param base the address the pages are reached at (links in the feed are absolute)
   */
  String atom(URI base) throws IOException {
    var feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle(issues.title());
    feed.setAuthor(issues.organisation());
    feed.setUri(tag(""));
    var self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(base.resolve(PATH).toString());
    self.setType("application/atom+xml");
    var home = new SyndLinkImpl();
    home.setRel("alternate");
    home.setHref(base.resolve("/").toString());
    feed.setLinks(List.of(self, home));
    var entries = new ArrayList<SyndEntry>();
    Date updated = null;
    for (WeeklyIssue issue : archive.recent(ENTRIES)) {
      var item = new SyndEntryImpl();
      item.setUri(tag(issue.windowEnd().toString()));
      item.setTitle(
          issue.numberText() + " (" + issue.windowStart() + " – " + issue.windowEnd() + ")");
      item.setLink(base.resolve("/issues/" + issue.windowEnd()).toString());
      item.setAuthor(issues.organisation());
      Date at = Date.from(issue.generatedAt());
      item.setUpdatedDate(at);
      item.setPublishedDate(Date.from(issue.firstPublishedAt()));
      var summary = new SyndContentImpl();
      summary.setType("text");
      summary.setValue(summary(issue));
      item.setDescription(summary);
      entries.add(item);
      if (updated == null || at.after(updated)) {
        updated = at;
      }
    }
    feed.setEntries(entries);
    feed.setPublishedDate(updated == null ? new Date(0) : updated);
    try {
      return new SyndFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IOException("the Atom feed could not be written: " + e.getMessage(), e);
    }
  }

  private static String summary(WeeklyIssue issue) {
    var text = new StringBuilder();
    text.append(issue.articles().size()).append(" 篇：");
    for (int i = 0; i < issue.articles().size(); i++) {
      var a = issue.articles().get(i);
      text.append(i == 0 ? "" : "；").append(a.title()).append("（").append(a.source()).append("）");
    }
    return text.toString();
  }

  /** A tag URI (RFC 4151): the same for a week whatever host serves it. */
  private String tag(String week) {
    String ns = namespace == null || namespace.isEmpty() ? "default" : namespace;
    return "tag:healthwatch,2024:issues:" + ns + (week.isEmpty() ? "" : ":" + week);
  }
}
