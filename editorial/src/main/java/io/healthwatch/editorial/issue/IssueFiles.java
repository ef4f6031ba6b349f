package io.healthwatch.editorial.issue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where an issue's documents are written: {@code <window end>-issue-<number>.<format>}. */
public final class IssueFiles {
  /** The files of one issue. */
  public record Written(Path markdown, Path html) {}

  private final Path directory;

  public IssueFiles(Path directory) {
    this.directory = directory;
  }

  public Written write(WeeklyIssue issue) throws IOException {
    Files.createDirectories(directory);
    return new Written(write(issue, "md", issue.markdown()), write(issue, "html", issue.html()));
  }

  private Path write(WeeklyIssue issue, String extension, String text) throws IOException {
    Path file = directory.resolve(issue.windowEnd() + "-issue-" + issue.number() + "." + extension);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
