package io.healthwatch.editorial.issue;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * The issue as a PDF: its HTML (from the template) laid out by openhtmltopdf, with a Chinese font
 * embedded (subset) so any reader shows it. PDF's standard fonts have no Chinese glyphs, so without
 * such a font there is no PDF: {@link #font} says why.
 */
public final class IssuePdf {
  /** Family name the CJK font is registered under, and the generic one it also answers for. */
  static final List<String> FAMILIES =
      List.of(
          "Noto Sans CJK SC",
          "PingFang SC",
          "Microsoft YaHei",
          "WenQuanYi Micro Hei",
          "sans-serif",
          "serif");

  /** Where Debian, Fedora and Ubuntu put fonts with Chinese glyphs in TrueType outlines. */
  static final List<Path> SYSTEM_FONTS =
      List.of(
          Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
          Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
          Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
          Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf"));

  private final Path font;

  /**
   * @param font a .ttf or .ttc with Chinese glyphs (see {@link #font})
   */
  public IssuePdf(Path font) {
    this.font = font;
    PdfLog.install();
  }

  /**
   * The configured font ({@code issues.pdfFont}): a path, or auto for the first usual system font.
   *
   * @return empty when auto finds none
   * @throws IllegalArgumentException when a configured path is not a readable file
   */
  public static Optional<Path> font(String setting) {
    if (!"auto".equals(setting)) {
      Path path = Path.of(setting);
      if (!Files.isReadable(path)) {
        throw new IllegalArgumentException("issues.pdfFont " + setting + " is not a readable font");
      }
      return Optional.of(path);
    }
    return SYSTEM_FONTS.stream().filter(Files::isReadable).findFirst();
  }

  /** Why there is no PDF on this machine, for the one line that says so. */
  public static String noFontReason() {
    return "no font with Chinese glyphs found (looked for "
        + SYSTEM_FONTS.get(0)
        + " and others): install fonts-wqy-microhei or set issues.pdfFont";
  }

  public byte[] render(String html) throws IOException {
    org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html));
    try (var source = FontSource.open(font);
        var document = new PDDocument();
        var out = new ByteArrayOutputStream(256 * 1024)) {
      var cjk = PDType0Font.load(document, source.font(), true);
      var builder = new PdfRendererBuilder().usePDDocument(document).withW3cDocument(dom, "/");
      for (String family : FAMILIES) {
        builder.useFont(new PDFontSupplier(cjk), family);
      }
      builder.toStream(out).run();
      return out.toByteArray();
    }
  }

  /**
   * A font's first face, open until the PDF is written (its glyphs are read when the subset is
   * embedded). A collection (.ttc) holds several faces; the first is the regular one.
   */
  private record FontSource(TrueTypeFont font, java.io.Closeable owner)
      implements java.io.Closeable {
    static FontSource open(Path file) throws IOException {
      if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
        var collection = new TrueTypeCollection(file.toFile());
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(
            ttf -> {
              if (first[0] == null) {
                first[0] = ttf;
              }
            });
        if (first[0] == null) {
          collection.close();
          throw new IOException("the font collection " + file + " holds no font");
        }
        return new FontSource(first[0], collection);
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
      return new FontSource(ttf, ttf);
    }

    @Override
    public void close() throws IOException {
      owner.close();
    }
  }
}
