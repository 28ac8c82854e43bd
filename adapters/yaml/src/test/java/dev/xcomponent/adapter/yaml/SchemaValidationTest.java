package dev.xcomponent.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The schema is usable as is: every reference example validates against it, and the malformed
 * fixtures whose defect a JSON Schema can express are refused by it as by the loader.
 */
class SchemaValidationTest {
  private static MiniSchemaValidator validator;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readSchema() throws IOException {
    validator = new MiniSchemaValidator((Map<String, Object>) parse(Fixtures.schemaFile()));
  }

  /** Our own trusted files only: plain snakeyaml-engine loading. */
  private static Object parse(Path file) throws IOException {
    return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
  }

  static Stream<Path> examples() throws IOException {
    return ReferenceExamplesTest.examples();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleValidates(Path file) throws IOException {
    assertThat(validator.validate(parse(file))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wrong-types.yaml",
        "timeout-without-timeoutms.yaml",
        "negative-timeout.yaml",
        "absurd-timeout.yaml",
        "inter-machine-without-target.yaml",
        "cross-component-without-target.yaml",
        "unknown-transition-type.yaml",
        "unknown-operator.yaml",
        "several-problems.yaml"
      })
  void schemaExpressibleDefectsAreRefused(String fixture) throws IOException {
    assertThat(validator.validate(parse(Fixtures.malformed(fixture)))).isNotEmpty();
    assertThat(new YamlComponentLoader().load(Fixtures.malformed(fixture)).hasErrors()).isTrue();
  }
}
