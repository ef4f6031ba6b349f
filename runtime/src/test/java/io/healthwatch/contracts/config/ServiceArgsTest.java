package io.healthwatch.contracts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceArgsTest {
  @Test
  void helpPrintsTheUsageAndEverySettingWithItsDefault() {
    var help =
        assertThrows(
            ServiceArgs.InfoRequested.class,
            () -> ServiceArgs.parse("sample", new String[] {"--help"}, "--once"));
    String text = help.getMessage();
    assertTrue(
        text.startsWith("usage: sample [--config FILE] [--set key=value]... [--once]"), text);
    assertTrue(text.contains("HEALTHWATCH_SAMPLE_CONFIG"), text);
    assertTrue(text.contains("bootstrapServers"), "the bundled defaults, key by key: " + text);
  }

  @Test
  void versionAndArgumentsParseAndAnUnknownOneSaysTheUsage() {
    var version =
        assertThrows(
            ServiceArgs.InfoRequested.class,
            () -> ServiceArgs.parse("crawler", new String[] {"--version"}));
    assertTrue(version.getMessage().startsWith("crawler "), version.getMessage());

    var args =
        ServiceArgs.parse(
            "crawler", new String[] {"--config", "c.yml", "--set", "a.b=1", "--once"}, "--once");
    assertEquals(Path.of("c.yml"), args.configFile());
    assertEquals(Map.of("a.b", "1"), args.overrides());
    assertTrue(args.flag("--once"));

    var unknown =
        assertThrows(
            ConfigException.class, () -> ServiceArgs.parse("crawler", new String[] {"--nope"}));
    assertTrue(
        unknown.getMessage().contains("usage: crawler [--config FILE]"), unknown.getMessage());
  }
}
