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
    "https://a.cn/news/indexes.html, https://a.cn/news/indexes.html",
    "http://a.cn/a/../b/./c.html, http://a.cn/b/c.html",
    "http://a.cn/s?q=%e5%8c%bb%e4%bf%9d, http://a.cn/s?q=%E5%8C%BB%E4%BF%9D",
    "http://a.cn/s?q=医保, http://a.cn/s?q=%E5%8C%BB%E4%BF%9D",
    "http://a.cn/%7Euser/, http://a.cn/~user/",
    "http://中国政府网.政务/x.html, http://xn--fiqs8sirgfmhq98a.xn--zfr164b/x.html",
    "http://xn--fiqs8sirgfmhq98a.xn--zfr164b/x.html, http://xn--fiqs8sirgfmhq98a.xn--zfr164b/x.html",
    "http://a.cn/x|y.html, http://a.cn/x%7Cy.html",
    "http://a.cn/p?b=2&a=1&UTM_Medium=x, http://a.cn/p?a=1&b=2",
    "http://user:secret@a.cn/x.html, http://a.cn/x.html"
  })
  void spellingsOfOneAddressBecomeOne(String input, String canonical) {
    assertEquals(Optional.of(canonical), UrlCanonicalizer.canonicalize(input));
  }

  @org.junit.jupiter.api.Test
  void percentEncodedAndPlainFormsOfOneAddressAreOne() {
    assertEquals(
        UrlCanonicalizer.canonicalize("https://a.cn/搜索?q=医保码&page=2"),
        UrlCanonicalizer.canonicalize(
            "https://A.cn/%e6%90%9c%e7%b4%a2?page=2&q=%E5%8C%BB%E4%BF%9D%E7%A0%81#top"));
  }

  @ParameterizedTest
  @CsvSource({"javascript:void(0)", "mailto:a@b.cn", "/relative/only", "ftp://x.cn/f"})
  void nonHttpAddressesAreRefused(String input) {
    assertTrue(UrlCanonicalizer.canonicalize(input).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({
    "http://a.cn/news/list.html, ../2024/05/a.shtml, http://a.cn/2024/05/a.shtml",
    "http://a.cn/news/, /x.html#c, http://a.cn/x.html",
    "http://a.cn/news/, 医保 码.html, http://a.cn/news/%E5%8C%BB%E4%BF%9D%20%E7%A0%81.html",
    "http://a.cn/news/, //b.cn/y.html, http://b.cn/y.html"
  })
  void linksResolveAgainstTheirPage(String base, String href, String expected) {
    assertEquals(Optional.of(expected), UrlCanonicalizer.resolve(base, href));
  }
}
