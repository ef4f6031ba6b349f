package io.healthwatch.editorial.issue;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The HTML issue from a Mustache template over an {@link IssueLayout}: the bundled one
 * (templates/issue.html.mustache, the seed reports' layout) or the editors' own. Every value is
 * escaped by {@link HtmlText}, so a template cannot let a crawled page's markup through unless it
 * asks for it with triple braces.
 */
public final class IssueTemplate {
  static final String BUNDLED = "templates/issue.html.mustache";

  private final Mustache mustache;

  /**
   * @param file the editors' template, or null for the bundled one
   * @throws IllegalArgumentException when the template cannot be read or parsed (with where)
   */
  public IssueTemplate(Path file) {
    var factory =
        new DefaultMustacheFactory() {
          @Override
          public void encode(String value, Writer writer) {
            try {
              writer.write(HtmlText.escape(value));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    String name = file == null ? BUNDLED : file.toString();
    try (Reader reader = open(file)) {
      this.mustache = factory.compile(reader, name);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "issues.template " + name + " cannot be read: " + e.getMessage(), e);
    } catch (MustacheException e) {
      throw new IllegalArgumentException(
          "issues.template " + name + " is not a valid Mustache template: " + e.getMessage(), e);
    }
  }

  public String render(IssueLayout layout) {
    var out = new StringWriter(32_768);
    mustache.execute(out, layout);
    return out.toString();
  }

  private static Reader open(Path file) throws IOException {
    if (file != null) {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
    var in = IssueTemplate.class.getClassLoader().getResourceAsStream(BUNDLED);
    if (in == null) {
      throw new IOException("missing bundled " + BUNDLED);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
