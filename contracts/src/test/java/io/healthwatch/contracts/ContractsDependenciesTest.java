package io.healthwatch.contracts;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A downstream consumer that takes the contracts gets none of the services' runtime: this module's
 * own classpath (what it brings) has no Micrometer and no runtime helper. (YAML cannot be checked
 * here: the test-scoped schema validator brings it; {@code mvn -pl contracts dependency:tree
 * -Dscope=runtime} shows Jackson databind and java.time only.)
 */
class ContractsDependenciesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "io.micrometer.core.instrument.MeterRegistry",
        "io.healthwatch.contracts.config.ConfigLoader",
        "io.healthwatch.contracts.ops.OpsServer"
      })
  void theRuntimeIsNotBroughtAlong(String className) {
    assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
  }
}
