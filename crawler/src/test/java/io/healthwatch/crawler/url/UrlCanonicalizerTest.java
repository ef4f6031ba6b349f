package io.healthwatch.crawler.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {
  @ParameterizedTest
  @CsvSource({
    "HTTP://WWW.Xinhuanet.com:80/a/b.html#top, http://www.xinhuanet.com/a/b.html",
    "https://m.yunnan.cn:443/x.shtml, https://m.yunnan.cn/x.shtml",
    "http://stdaily.com, http://stdaily.com/",
    "https://epaper.ynet.com/html/c.htm?div=-1&utm_source=wx&spm=1.2, https://epaper.ynet.com/html/c.htm?div=-1",
    "https://a.cn/p?from=timeline, https://a.cn/p",
    "http://127.0.0.1:8081/a, http://127.0.0.1:8081/a",
    "http://www.nhc.gov.cn/wjw/index.shtml, http://www.nhc.gov.cn/wjw/",
    "https://a.cn/Default.aspx?id=3, https://a.cn/?id=3",
    "https://a.cn/news/indexes.html, https://a.cn/news/indexes.html"
  })
  void spellingsOfOneAddressBecomeOne(String input, String canonical) {
    assertEquals(Optional.of(canonical), UrlCanonicalizer.canonicalize(input));
  }

  @ParameterizedTest
  @CsvSource({"javascript:void(0)", "mailto:a@b.cn", "/relative/only", "ftp://x.cn/f"})
  void nonHttpAddressesAreRefused(String input) {
    assertTrue(UrlCanonicalizer.canonicalize(input).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "http://a.cn/news/list.html, ../2024/05/a.shtml, http://a.cn/2024/05/a.shtml",
    "http://a.cn/news/, /x.html#c, http://a.cn/x.html"
  })
  void linksResolveAgainstTheirPage(String base, String href, String expected) {
    assertEquals(Optional.of(expected), UrlCanonicalizer.resolve(base, href));
  }
}
