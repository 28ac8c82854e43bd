package dev.xcomponent.app;

import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.domain.model.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Component files of the scenarios used by the app tests. */
final class TestComponents {
  private TestComponents() {}

  /**
   * SCENARIOS §1 base machine: Start(entry) -BEGIN-> Processing; Processing -COMPLETE-> Success
   * (final), -ERROR-> Failed (error), -TIMEOUT-> Failed (timeout, 1000 ms).
   */
  static final String SIMPLE_FLOW =
      """
      name: SimpleComponent
      stateMachines:
        - name: SimpleFlow
          initialState: Start
          states:
            - name: Start
              type: entry
            - name: Processing
              type: regular
            - name: Success
              type: final
            - name: Failed
              type: error
          transitions:
            - from: Start
              to: Processing
              event: BEGIN
            - from: Processing
              to: Success
              event: COMPLETE
            - from: Processing
              to: Failed
              event: ERROR
            - from: Processing
              to: Failed
              event: TIMEOUT
              type: timeout
              timeoutMs: 1000
        - name: Waiter
          initialState: W
          states:
            - name: W
            - name: X
          transitions:
            - from: W
              to: X
              event: TO
              type: timeout
              timeoutMs: 50
      """;

  /** Parses YAML that must load without errors. */
  static Component component(String yaml) {
    LoadResult result = new YamlComponentLoader().load("test.yaml", yaml);
    if (result.hasErrors()) {
      throw new AssertionError(result.format());
    }
    return result.componentOrNull();
  }

  /** Writes {@code yaml} to {@code dir/name} and returns the path. */
  static Path write(Path dir, String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }
}
