package io.healthwatch.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The string search agrees with the word lists as regular expressions would read them (the
 * expressions below are the definition; the class exists because they were slow).
 */
class MarkWordsTest {
  private static final Pattern CONTENT =
      Pattern.compile(
          "(?i)article|body|content|entry|main|page|post|text|story|detail|zw|TRS_Editor|con_|"
              + "ozoom|news_txt|artical|neirong");
  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)comment|footer|footnote|masthead|meta|outbrain|promo|related|recommend|scroll|share|"
              + "shopping|sidebar|sponsor|tags|tool|widget|subscribe|newsletter|login|breadcrumb|"
              + "crumb|pagination|pager|hot|rank|banner|menu|nav|copyright|advert|\\bad\\b|ads|"
              + "editor|keyword|xgxw|xgwz");
  private static final Pattern UNLIKELY =
      Pattern.compile(
          "(?i)(^|[\\s_-])(nav|navbar|menu|topbar|footer|foot|share|share-bar|bottom-share|related|"
              + "recommend|comment|comments|crumb|breadcrumb|sidebar|aside|ad|ads|advert|copyright|"
              + "pages|pagination|hot|rank|banmian|editor|author|left_name|adInContent|social|"
              + "subscribe|login|popup|modal|cookie|newsletter|byline|dateline|caption-credit)"
              + "([\\s_-]|$)");

  private static final List<String> MARKS =
      List.of(
          "",
          "article-body",
          "TRS_Editor",
          "left_name",
          "left_names",
          "adInContent",
          "ad",
          "ad-slot",
          "ad_slot",
          "head",
          "loads more",
          "badge",
          "share-bar",
          "bottom-share top",
          "post-comments",
          "comments post",
          "main-nav",
          "navigation",
          "caption-credit",
          "caption-credits",
          "xgxw list",
          "con_left",
          "content sidebar",
          "hot-news",
          "photo",
          "byline author",
          "editorial",
          "pages",
          "mainpages",
          "Footer",
          "FOOT",
          "zw",
          "neirong_box",
          "related",
          "unrelated",
          "cookie-banner",
          "ads");

  @Test
  void agreesWithTheExpressions() {
    for (String marks : MARKS) {
      assertEquals(CONTENT.matcher(marks).find(), MarkWords.isContent(marks), marks);
      assertEquals(FURNITURE.matcher(marks).find(), MarkWords.isFurniture(marks), marks);
      boolean unlikely = UNLIKELY.matcher(marks).find() && !CONTENT.matcher(marks).find();
      assertEquals(unlikely, MarkWords.isUnlikely(marks), marks);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"share-bar", "comments", "nav", "ad", "left_name", "top_ad"})
  void furnitureIsUnlikely(String marks) {
    assertTrue(MarkWords.isUnlikely(marks));
  }

  @ParameterizedTest
  @ValueSource(strings = {"comment-body", "nav post", "headline", "loading", "adapter"})
  void contentWordsAndLookalikesAreNot(String marks) {
    assertFalse(MarkWords.isUnlikely(marks));
  }
}
