package io.healthwatch.editorial.issue;

import io.healthwatch.editorial.EditorialConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issue's documents in the configured formats, as {@code <window end>-issue-<number>.<format>}:
 * the Markdown and HTML of the archive, a DOCX from the same layout, a PDF of the HTML. A PDF needs
 * a font with Chinese glyphs; where there is none it is left out, and the result says why.
 */
public final class IssueFiles {
  private static final Logger LOG = LoggerFactory.getLogger(IssueFiles.class);

  /** The files of one issue by format, and the formats left out with why. */
  public record Written(Map<String, Path> files, List<String> notes) {
    public Path markdown() {
      return files.get("md");
    }

    public Path html() {
      return files.get("html");
    }

    /** One line per document ("pdf: PATH") and per format left out, in the configured order. */
    public List<String> lines() {
      var lines = new ArrayList<String>();
      for (String format : EditorialConfig.Issues.FORMATS) {
        if (files.containsKey(format)) {
          lines.add(String.format("%-5s %s", format + ":", files.get(format)));
        }
      }
      lines.addAll(notes);
      return lines;
    }
  }

  private final List<String> formats;
  private final IssueDocx docx = new IssueDocx();
  private final Optional<IssuePdf> pdf;

  /** Resolves the PDF font once: a materializer writes every issue with the same. */
  public IssueFiles(EditorialConfig.Issues settings) {
    this.formats = settings.formats();
    if (formats.contains("pdf")) {
      this.pdf = IssuePdf.font(settings.pdfFont()).map(IssuePdf::new);
      if (pdf.isEmpty()) {
        LOG.warn("issues are written without PDF: {}", IssuePdf.noFontReason());
      }
    } else {
      this.pdf = Optional.empty();
    }
  }

  public Written write(Path directory, WeeklyIssue issue, IssueLayout layout) throws IOException {
    Files.createDirectories(directory);
    var files = new LinkedHashMap<String, Path>();
    var notes = new ArrayList<String>();
    for (String format : formats) {
      switch (format) {
        case "md" -> files.put(format, write(directory, issue, format, text(issue.markdown())));
        case "html" -> files.put(format, write(directory, issue, format, text(issue.html())));
        case "docx" -> files.put(format, write(directory, issue, format, docx.render(layout)));
        case "pdf" -> {
          if (pdf.isPresent()) {
            files.put(format, write(directory, issue, format, pdf.get().render(issue.html())));
          } else {
            notes.add("pdf not written: " + IssuePdf.noFontReason());
          }
        }
        default -> throw new IllegalStateException("unknown format " + format);
      }
    }
    return new Written(java.util.Collections.unmodifiableMap(files), List.copyOf(notes));
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Path write(Path directory, WeeklyIssue issue, String extension, byte[] content)
      throws IOException {
    Path file = directory.resolve(issue.windowEnd() + "-issue-" + issue.number() + "." + extension);
    // Written aside and moved, so a reader of the folder never sees half a document.
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.write(partial, content);
    Files.move(
        partial,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
