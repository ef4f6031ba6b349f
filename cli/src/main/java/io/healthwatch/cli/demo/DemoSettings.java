package io.healthwatch.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One demo run.
 *
 * @param home the checkout (service jars are found under it)
 * @param workDir configs, logs, state and issues of this run
 * @param namespace prefix of its topics, groups and indices
 * @param reset delete the namespace's topics, groups, indices and state first
 */
public record DemoSettings(
    Path home,
    Path workDir,
    String namespace,
    String kafkaBootstrap,
    String openSearchUrl,
    boolean reset,
    Duration timeout,
    PrintStream out) {}
