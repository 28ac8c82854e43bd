package dev.xcomponent.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates test inputs. Tests run with the module directory (adapters/yaml) as working dir. */
final class Fixtures {
  private Fixtures() {}

  /** The reference examples, read-only, outside the project: /work/shared/reference/examples. */
  static Path examplesDir() {
    Path dir = Path.of("../../../shared/reference/examples").toAbsolutePath().normalize();
    assertThat(Files.isDirectory(dir))
        .as("reference examples not found at %s (expected <project>/../shared/reference/examples;"
            + " tests must run from the adapters/yaml module directory)", dir)
        .isTrue();
    return dir;
  }

  /** The JSON Schema of the component format, at the project root. */
  static Path schemaFile() {
    Path file = Path.of("../../docs/component.schema.json").toAbsolutePath().normalize();
    assertThat(Files.isRegularFile(file)).as("schema not found at %s", file).isTrue();
    return file;
  }

  /** A file under src/test/resources/malformed. */
  static Path malformed(String name) {
    URL url = Fixtures.class.getResource("/malformed/" + name);
    assertThat(url).as("fixture malformed/%s", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
