package io.healthwatch.crawler.extract;

import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * The one rule for when an article was published, given what its page says and what the feed or
 * sitemap that listed it said. A feed's date is the publisher's own structured statement; the
 * page's metadata and dateline are too, and they describe the page as it is now, so they win. A
 * date only found somewhere in the text is a guess and gives way to the feed. A page that gives the
 * day without a time gives way to a feed that names a time on that day.
 */
public final class PublishTime {
  private PublishTime() {}

  /**
   * @param page what the page says, or null
   * @param pageEvidence where the page's date was read; ignored when {@code page} is null
   * @param listed what the feed or sitemap said, or null
   */
  public static OffsetDateTime choose(
      OffsetDateTime page, DateEvidence pageEvidence, OffsetDateTime listed) {
    if (page == null || listed == null) {
      return page != null ? page : listed;
    }
    if (pageEvidence == DateEvidence.TEXT) {
      return listed;
    }
    boolean dayOnly = page.toLocalTime().equals(LocalTime.MIDNIGHT);
    boolean sameDay =
        listed.atZoneSameInstant(page.getOffset()).toLocalDate().equals(page.toLocalDate());
    return dayOnly && sameDay ? listed : page;
  }
}
