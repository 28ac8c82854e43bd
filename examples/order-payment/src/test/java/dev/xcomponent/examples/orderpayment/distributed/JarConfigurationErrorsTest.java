package dev.xcomponent.examples.orderpayment.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped {@code app.jar} started with each documented configuration error: it exits with
 * status 2 before connecting to anything, with a message naming the setting, and never shows a
 * password.
 */
class JarConfigurationErrorsTest {
  @TempDir static Path dir;

  static Stream<Arguments> mistakes() {
    String order = Deployment.MODULE.resolve("order-component.yaml").toString();
    return Stream.of(
        Arguments.of(Map.of("PORT", "http"), List.of("serve", order), "PORT=http is not a valid port"),
        Arguments.of(Map.of("BROKER_URL", "nats://app:pa55word@host:4222"), List.of("serve", order),
            "BROKER_URL=nats://app:***@host:4222 is not a supported broker URL"),
        Arguments.of(Map.of("BROKER_URL", "kafka://app:pa55word@"), List.of("runtime", "--component", order),
            "BROKER_URL=kafka://app:***@ is not valid"),
        Arguments.of(Map.of("DATABASE_URL", "mysql://app:pa55word@db:3306/fsm"), List.of("serve", order),
            "DATABASE_URL=mysql://app:***@db:3306/fsm is not supported"),
        Arguments.of(Map.of("SNAPSHOT_INTERVAL", "0"), List.of("serve", order), "SNAPSHOT_INTERVAL=0 is not valid"),
        Arguments.of(Map.of("HEARTBEAT_INTERVAL_MS", "5"), List.of("dashboard"), "HEARTBEAT_INTERVAL_MS=5 is not valid"),
        Arguments.of(Map.of("API_TOKEN", "pa55word"), List.of("serve", order), "API_TOKEN / API_VIEWER_TOKEN"),
        Arguments.of(Map.of(), List.of("serve", "--log-format", "xml", order), "--log-format xml is not a log format"),
        Arguments.of(Map.of(), List.of("runtime"), "runtime needs --component FILE"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void theJarRefusesToStartAndSaysWhy(Map<String, String> env, List<String> args, String message) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Deployment.APP_JAR.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.endsWith("_URL") || k.equals("PORT") || k.startsWith("API_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits by itself").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isEqualTo(2);
    assertThat(out).contains(message).doesNotContain("pa55word");
  }

  @org.junit.jupiter.api.Test
  void aConfigFileWithAnUnknownKeyIsRefusedToo() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "PROT: 3000\n");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Deployment.APP_JAR.toString(), "dashboard", "--config", config.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isEqualTo(2);
    assertThat(out).contains("unknown setting 'PROT'");
  }
}
