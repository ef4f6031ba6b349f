package io.healthwatch.crawler.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.healthwatch.contracts.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/** The sources a crawler reads, from a YAML file validated as a whole at start. */
public record SourceRegistry(List<Source> sources) {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .findAndRegisterModules()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public SourceRegistry {
    ConfigException.require(
        sources != null && !sources.isEmpty(), "sources", sources, "at least one source");
    var ids = new HashSet<String>();
    for (Source source : sources) {
      ConfigException.require(
          ids.add(source.id()),
          "sources[" + source.id() + "].id",
          source.id(),
          "an id no other source has");
    }
    sources = List.copyOf(sources);
  }

  public static SourceRegistry load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("sources file " + file + " does not exist");
    }
    try {
      return YAML.readValue(file.toFile(), SourceRegistry.class);
    } catch (UnrecognizedPropertyException e) {
      String hint =
          e.getPropertyName().equals("articleUrlPattern")
              ? ": articleUrlPattern was replaced by include, a list of host-anchored patterns"
                  + " matched against host and path (e.g. include:"
                  + " [\"www\\\\.news\\\\.cn/\\\\d{8}/[0-9a-f]{32}/c\\\\.html\"]); see crawler/README.md"
              : ": unknown key '"
                  + e.getPropertyName()
                  + "', expected one of "
                  + e.getKnownPropertyIds();
      throw new ConfigException("invalid sources file " + file + location(e) + hint, e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof ConfigException config) {
        throw new ConfigException(config.getMessage() + " (" + file + location(e) + ")", config);
      }
      throw new ConfigException(
          "invalid sources file " + file + location(e) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read sources file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String location(JsonMappingException e) {
    return e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
  }
}
