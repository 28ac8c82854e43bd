package dev.xcomponent.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops the product cleanly: HTTP first, then the runtimes and the store, then exit. */
class GracefulStopTest {
  @TempDir Path dir;

  @Test
  void sigtermStopsInOrderAndExitsWithTheSignalsStatus() throws Exception {
    Path log = dir.resolve("serve.log");
    Path order = Path.of("../examples/order-payment/order-component.yaml");
    ChildProcess child = ChildProcess.serve(Map.of("DATABASE_URL", "memory"), log, order.toString());
    child.close(); // SIGTERM, then waits
    String text = Files.readString(log);
    assertThat(text).contains("stopping").contains("stopped");
    assertThat(text.indexOf("stopping")).isLessThan(text.indexOf("stopped"));
    assertThat(child.exitCode()).isEqualTo(143);
  }
}
