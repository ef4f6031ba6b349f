package io.healthwatch.cli.demo;

import io.healthwatch.contracts.message.DeadLetter;
import io.healthwatch.editorial.issue.IssueMaterializer;
import java.time.Duration;
import java.util.List;

/** What a demo run produced. */
public record DemoResult(
    List<IssueMaterializer.Result> issues,
    List<String> skippedWeeks,
    List<DeadLetter> deadLetters,
    long discovered,
    Duration wallTime) {}
