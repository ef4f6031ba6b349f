package io.healthwatch.crawler.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.healthwatch.crawler.source.Source;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SelectorOverridesTest {
  private static final String PAGE =
      "<html><head><title>站点首页</title></head><body>"
          + "<div class='x1'><b>国家医保局发布医保码新规</b><i>2024-05-14 10:23</i><u>新华网</u></div>"
          + "<div class='comments'><div>网友评论：这篇文章写得很好，支持医保码全场景应用，希望早日推广到全国各地。</div>"
          + "<div>网友评论：我们这里已经可以用医保码看病了，非常方便，不用再带实体卡了，点赞！</div></div>"
          + "<div class='x2'><p>医保码已覆盖全国。</p><p>用户超过十亿。</p></div></body></html>";
  private final ArticleExtractor generic = new ArticleExtractor(ZoneId.of("Asia/Shanghai"));
  private final SelectorOverrides overrides = new SelectorOverrides(ZoneId.of("Asia/Shanghai"));

  @Test
  void sourceSelectorsWinOverTheGenericGuess() {
    var page = Jsoup.parse(PAGE, "http://a.cn/1.html");
    var selectors = new Source.Selectors("div.x1 b", "div.x1 i", "div.x2", "div.x1 u", null);

    Extraction result = overrides.apply(generic.extract(page), page, selectors);

    assertEquals("国家医保局发布医保码新规", result.title());
    assertEquals(OffsetDateTime.parse("2024-05-14T10:23+08:00"), result.publishedAt());
    assertEquals("医保码已覆盖全国。\n\n用户超过十亿。", result.body());
    assertEquals("新华网", result.source());
  }

  @Test
  void aSelectorThatMatchesNothingKeepsTheGenericResult() {
    var page = Jsoup.parse(PAGE, "http://a.cn/1.html");
    Extraction plain = generic.extract(page);
    Extraction result =
        overrides.apply(plain, page, new Source.Selectors("h1.gone", null, "div.gone", null, null));
    assertEquals(plain, result);
  }
}
