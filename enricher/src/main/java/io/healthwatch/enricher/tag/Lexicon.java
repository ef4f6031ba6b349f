package io.healthwatch.enricher.tag;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.healthwatch.contracts.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The curated health-IT lexicon: named entities with their aliases, and topic keywords with
 * weights. Loaded from YAML (lexicon.yml is bundled).
 */
public record Lexicon(List<EntityEntry> entities, List<TopicEntry> topics, Signals signals) {
  public Lexicon {
    signals = signals == null ? new Signals(Map.of(), Map.of(), Map.of(), List.of()) : signals;
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A canonical name of a given type and the other ways articles write it. */
  public record EntityEntry(String type, String name, List<String> aliases) {
    public EntityEntry {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
  }

  /**
   * Words that say an article is about health care, words that say it is about information
   * technology, each with a weight (health-IT news needs both), terms of health IT that say both
   * (健康码), and words that hold a signal word but say neither (宠物医院).
   */
  public record Signals(
      Map<String, Double> health,
      Map<String, Double> technology,
      Map<String, Double> both,
      List<String> neutral) {
    public Signals {
      health = health == null ? Map.of() : Map.copyOf(health);
      technology = technology == null ? Map.of() : Map.copyOf(technology);
      both = both == null ? Map.of() : Map.copyOf(both);
      neutral = neutral == null ? List.of() : List.copyOf(neutral);
    }
  }

  /** A health-IT topic and the words that signal it, each with a weight. */
  public record TopicEntry(String id, String label, Map<String, Double> keywords) {}

  public static Lexicon load(String file) {
    if (file == null || file.isBlank()) {
      try (InputStream in = Lexicon.class.getResourceAsStream("/lexicon.yml")) {
        return YAML.readValue(in, Lexicon.class);
      } catch (IOException e) {
        throw new IllegalStateException("bundled lexicon.yml is unreadable", e);
      }
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new ConfigException("lexicon file " + path + " does not exist");
    }
    try {
      return YAML.readValue(path.toFile(), Lexicon.class);
    } catch (IOException e) {
      throw new ConfigException("lexicon file " + path + " is invalid: " + e.getMessage(), e);
    }
  }
}
