package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line, run in-process through {@link Main#run}; SCENARIOS §14 (79) and §1 (8). */
class CliTest {
  static final Path REFERENCE_EXAMPLES = Path.of("../../shared/reference/examples");

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result cli(String... args) {
    return cli(Map.of(), args);
  }

  // ---- validate ----------------------------------------------------------------------------

  @Test
  void everyReferenceExampleIsValid() throws IOException {
    List<String> args = new ArrayList<>(List.of("validate"));
    try (Stream<Path> files = Files.list(REFERENCE_EXAMPLES)) {
      files.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(p -> args.add(p.toString()));
    }
    assertThat(args).hasSizeGreaterThan(5);

    Result r = cli(args.toArray(String[]::new));

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).doesNotContain(": error ");
    for (String file : args.subList(1, args.size())) {
      assertThat(r.out()).contains(file + ": OK, component ");
    }
  }

  @Test
  void anUndeclaredTargetStateIsAnErrorNamingMachineTransitionAndState() throws IOException {
    Path file =
        TestComponents.write(
            dir,
            "broken.yaml",
            """
            name: Broken
            stateMachines:
              - name: Flow
                initialState: A
                states:
                  - name: A
                  - name: B
                    type: final
                transitions:
                  - from: A
                    to: B
                    event: GO
                  - from: A
                    to: Nowhere
                    event: BACK
            """);

    Result r = cli("validate", file.toString());

    assertThat(r.code()).isEqualTo(1);
    String line = errorLine(r.out(), file);
    assertThat(line).matches(java.util.regex.Pattern.quote(file.toString()) + ":14:\\d+: error .*");
    assertThat(line).contains("\"Flow\"").contains("#2").contains("Nowhere");
    assertThat(r.out()).doesNotContain(": OK, component");
  }

  @Test
  void aTimeoutTransitionWithoutTimeoutMsIsAnError() throws IOException {
    Path file =
        TestComponents.write(
            dir,
            "timeout.yaml",
            """
            name: T
            stateMachines:
              - name: M
                initialState: A
                states:
                  - name: A
                  - name: B
                    type: final
                transitions:
                  - from: A
                    to: B
                    event: LATE
                    type: timeout
            """);

    Result r = cli("validate", file.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(errorLine(r.out(), file)).contains("timeout transition must have timeoutMs value");
  }

  @Test
  void warningsPassUnlessStrict() throws IOException {
    Path file =
        TestComponents.write(
            dir,
            "loop.yaml",
            """
            name: Loop
            stateMachines:
              - name: Flow
                initialState: A
                states:
                  - name: A
                  - name: B
                transitions:
                  - { from: A, to: B, event: GO }
                  - { from: B, to: A, event: BACK }
            """);

    Result lax = cli("validate", file.toString());
    Result strict = cli("validate", "--strict", file.toString());

    assertThat(lax.code()).isZero();
    assertThat(lax.out()).contains(": warning ").contains(": OK, component Loop");
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.out()).contains(": warning ");
  }

  @Test
  void aMissingFileIsAnError() {
    Result r = cli("validate", dir.resolve("absent.yaml").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("absent.yaml:1:1: error ");
  }

  private static String errorLine(String output, Path file) {
    return output
        .lines()
        .filter(l -> l.startsWith(file + ":") && l.contains(": error "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no error line in:\n" + output));
  }

  // ---- simulate ----------------------------------------------------------------------------

  @Test
  void simulatePrintsThePathAndSuccess() throws IOException {
    Path file = TestComponents.write(dir, "simple.yaml", TestComponents.SIMPLE_FLOW);

    Result ok = cli("simulate", file.toString(), "SimpleFlow", "--events", "[\"BEGIN\",\"COMPLETE\"]");
    Result error =
        cli("simulate", file.toString(), "SimpleFlow", "-e", "[{\"type\":\"BEGIN\"},{\"type\":\"ERROR\",\"payload\":{}}]");

    assertThat(ok.code()).isZero();
    assertThat(ok.out().lines()).containsExactly("Start → Processing → Success", "success");
    assertThat(error.code()).isZero();
    assertThat(error.out().lines()).containsExactly("Start → Processing → Failed", "success");
  }

  @Test
  void simulateReportsTheFirstEventWithoutTransition() throws IOException {
    Path file = TestComponents.write(dir, "simple.yaml", TestComponents.SIMPLE_FLOW);

    Result r = cli("simulate", file.toString(), "SimpleFlow", "--events", "[\"INVALID_EVENT\"]");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().lines())
        .containsExactly("Start", "failure: No transition from Start for event INVALID_EVENT");
  }

  @Test
  void simulateRejectsAnUnknownMachineAndBadEvents() throws IOException {
    Path file = TestComponents.write(dir, "simple.yaml", TestComponents.SIMPLE_FLOW);

    Result machine = cli("simulate", file.toString(), "Nope", "--events", "[\"BEGIN\"]");
    Result json = cli("simulate", file.toString(), "SimpleFlow", "--events", "[BEGIN");
    Result missing = cli("simulate", file.toString(), "SimpleFlow");

    assertThat(machine.code()).isEqualTo(1);
    assertThat(machine.err()).contains("Machine Nope not found in component SimpleComponent");
    assertThat(json.code()).isEqualTo(2);
    assertThat(json.err()).contains("--events is not valid JSON");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--events is required");
  }

  // ---- run ---------------------------------------------------------------------------------

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void runPrintsTheTransitionAndFinalStateThenFinishes() throws Exception {
    Path file = TestComponents.write(dir, "simple.yaml", TestComponents.SIMPLE_FLOW);
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    Result r =
        cli("run", file.toString(), "SimpleFlow", "-c", "{\"a\":1}", "-e",
            "[{\"type\":\"BEGIN\",\"payload\":{}}]");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .contains("Start → Processing (event: BEGIN)", "Final state: Processing", "Status: active");
    assertThat(r.out()).doesNotContain("TIMEOUT");
    assertNoVertxThreadOutlives(before);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void runReportsIgnoredEventsAndStopsAtAFinalState() throws Exception {
    Path file = TestComponents.write(dir, "simple.yaml", TestComponents.SIMPLE_FLOW);

    Result r = cli("run", file.toString(), "SimpleFlow", "--events", "[\"NOPE\",\"BEGIN\",\"COMPLETE\",\"ERROR\"]");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .contains(
            "ignored: NOPE in Start",
            "Start → Processing (event: BEGIN)",
            "Processing → Success (event: COMPLETE)",
            "Final state: Success",
            "Status: completed");
    assertThat(r.out()).contains("1 event was not sent");
  }

  @Test
  void runRejectsAnUnknownMachineBeforeStartingAnything() throws IOException {
    Path file = TestComponents.write(dir, "simple.yaml", TestComponents.SIMPLE_FLOW);

    Result r = cli("run", file.toString(), "Nope", "--events", "[\"BEGIN\"]");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("Machine Nope not found in component SimpleComponent");
  }

  /** Vert.x threads are not daemons: if one were left running, the JVM of the CLI would not end. */
  private static void assertNoVertxThreadOutlives(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> alive;
    do {
      alive =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
              .filter(t -> t.getName().startsWith("vert.x-"))
              .map(Thread::getName)
              .collect(Collectors.toList());
      if (alive.isEmpty()) {
        return;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("Vert.x threads still running after run returned: " + alive);
  }

  // ---- help, version, errors ---------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"validate", "simulate", "run", "serve", "runtime", "dashboard"})
  void everyCommandHasHelp(String command) {
    Result r = cli(command, "--help");
    Result viaHelp = cli("help", command);

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Usage: xcomponent " + command);
    assertThat(viaHelp.out()).isEqualTo(r.out());
  }

  @Test
  void topLevelHelpAndVersion() {
    assertThat(cli("--help").out()).contains("validate", "simulate", "run", "serve");
    assertThat(cli("--help").code()).isZero();
    assertThat(cli("--version").out()).startsWith("xcomponent ");
  }

  @Test
  void unknownCommandsAndOptionsExitWithTwoAndUsage() {
    Result command = cli("frobnicate");
    Result option = cli("validate", "--bogus", "x.yaml");
    Result nothing = cli();

    assertThat(command.code()).isEqualTo(2);
    assertThat(command.err()).contains("unknown command frobnicate").contains("Usage: xcomponent");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).contains("unknown option --bogus").contains("Usage: xcomponent validate");
    assertThat(nothing.code()).isEqualTo(2);
    assertThat(nothing.err()).contains("Usage: xcomponent");
  }

  @Test
  void serveFailsFastOnBadConfigurationAndMissingPlugins() throws IOException {
    Path file = TestComponents.write(dir, "simple.yaml", TestComponents.SIMPLE_FLOW);

    Result port = cli(Map.of("PORT", "http"), "serve", file.toString());
    Result broker =
        cli(Map.of("BROKER_URL", "amqp://guest:hunter2@rabbit:notaport"), "serve", file.toString());
    Result plugins = cli("serve", "--plugins", dir.resolve("absent").toString(), file.toString());

    assertThat(port.code()).isEqualTo(2);
    assertThat(port.err()).contains("PORT=http is not a valid port");
    assertThat(broker.code()).isEqualTo(2);
    assertThat(broker.err())
        .contains("BROKER_URL=amqp://guest:***@rabbit:notaport is not valid: ")
        .doesNotContain("hunter2");
    assertThat(plugins.code()).isEqualTo(1);
    assertThat(plugins.err()).contains("plugins directory").contains("does not exist");
  }

  @Test
  void runtimeAndDashboardRefuseBadConfigurationBeforeConnecting() throws IOException {
    Path file = TestComponents.write(dir, "simple.yaml", TestComponents.SIMPLE_FLOW);

    Result noComponent = cli("runtime", "--broker", "redis://127.0.0.1:6379");
    Result positional = cli("runtime", file.toString());
    Result badBroker = cli("runtime", "--component", file.toString(), "--broker", "kafka://user:pa55@:9092");
    Result unknownScheme = cli(Map.of("BROKER_URL", "mqtt://u:pa55@host:1883"), "dashboard");
    Result badTimeout = cli(Map.of("HEARTBEAT_INTERVAL_MS", "5"), "runtime", "--component", file.toString());
    Result dashboardFile = cli("dashboard", file.toString());

    assertThat(noComponent.code()).isEqualTo(2);
    assertThat(noComponent.err()).contains("runtime needs --component FILE");
    assertThat(positional.code()).isEqualTo(2);
    assertThat(positional.err()).contains("--component FILE");
    assertThat(badBroker.code()).isEqualTo(2);
    assertThat(badBroker.err()).contains("--broker=kafka://user:***@:9092 is not valid").doesNotContain("pa55");
    assertThat(unknownScheme.code()).isEqualTo(2);
    assertThat(unknownScheme.err()).contains("BROKER_URL=mqtt://u:***@host:1883 is not a supported broker URL")
        .contains("amqp://").contains("kafka://").doesNotContain("pa55");
    assertThat(badTimeout.code()).isEqualTo(2);
    assertThat(badTimeout.err()).contains("HEARTBEAT_INTERVAL_MS=5 is not valid");
    assertThat(dashboardFile.code()).isEqualTo(2);
    assertThat(dashboardFile.err()).contains("dashboard takes no FILE");
  }
}
