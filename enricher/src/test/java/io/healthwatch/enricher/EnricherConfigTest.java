package io.healthwatch.enricher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.healthwatch.contracts.config.ConfigException;
import io.healthwatch.contracts.config.ServiceArgs;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnricherConfigTest {
  @Test
  void theCommitIntervalDefaultsToASecondAndReachesStreams() {
    var config = EnricherConfig.load(null, Map.of(), Map.of());
    assertEquals(Duration.ofSeconds(1), config.commitInterval());
    var props =
        EnricherMain.streamsProperties(
            EnricherConfig.load(null, Map.of(), Map.of("commitInterval", "PT0.25S")),
            ServiceArgs.parse("enricher", new String[0]));
    assertEquals(250L, props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    assertEquals(
        StreamsConfig.EXACTLY_ONCE_V2, props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
  }

  @Test
  void aCommitIntervalOutOfRangeNamesTheKey() {
    for (String bad : new String[] {"PT0S", "PT0.001S", "PT10M"}) {
      var error =
          assertThrows(
              ConfigException.class,
              () -> EnricherConfig.load(null, Map.of(), Map.of("commitInterval", bad)));
      assertTrue(error.getMessage().contains("commitInterval"), error.getMessage());
    }
  }
}
