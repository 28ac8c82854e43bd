package dev.xcomponent.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.validation.Violation;
import dev.xcomponent.domain.validation.ViolationCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader behaviour beyond refusal: values, positions, files, formatting. */
class YamlComponentLoaderTest {
  private static final String SHOP =
      """
      name: Shop
      stateMachines:
        - name: Order
          initialState: Created
          states:
            - name: Created
            - name: Paid
              type: final
          transitions:
            - from: Created
              to: Paid
              event: PAY
      """;

  private final YamlComponentLoader loader = new YamlComponentLoader();

  @Test
  void validTextLoads() {
    LoadResult r = loader.load("shop.yaml", SHOP);
    assertThat(r.problems()).isEmpty();
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.componentOrNull()).isSameAs(r.component());
    assertThat(r.component().machine("Order").transitions()).hasSize(1);
    assertThat(r.format()).isEmpty();
  }

  @Test
  void scalarsFollowTheCoreSchemaAndIntegersAreLongs() {
    LoadResult r = loader.load("values.yaml", SHOP + """
        version: 1.10
        metadata:
          int: 42
          hex: 0x1F
          octal: 0o17
          float: 2.5
          exp: 1e3
          inf: .inf
          yes: yes
          on: on
          bool: true
          nothing: ~
          quoted: "42"
          env: ${HOME}
          date: 2024-01-01
          list: [1, two, 3.0]
        """);
    assertThat(r.errors()).as(r.format()).isEmpty();
    Component c = r.component();
    assertThat(c.version()).isEqualTo("1.1");
    Map<String, Object> m = c.metadata();
    assertThat(m.get("int")).isEqualTo(42L);
    assertThat(m.get("hex")).isEqualTo(31L);
    assertThat(m.get("octal")).isEqualTo(15L);
    assertThat(m.get("float")).isEqualTo(2.5);
    assertThat(m.get("exp")).isEqualTo(1000.0);
    assertThat(m.get("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.get("yes")).isEqualTo("yes");
    assertThat(m.get("on")).isEqualTo("on");
    assertThat(m.get("bool")).isEqualTo(true);
    assertThat(m).containsEntry("nothing", null);
    assertThat(m.get("quoted")).isEqualTo("42");
    assertThat(m.get("env")).as("no environment substitution").isEqualTo("${HOME}");
    assertThat(m.get("date")).isEqualTo("2024-01-01");
    assertThat(m.get("list")).isEqualTo(List.of(1L, "two", 3.0));
  }

  @Test
  void smallAliasesToScalarsAndMappingsWork() {
    LoadResult r = loader.load("alias.yaml", """
        name: Shop
        stateMachines:
          - name: Order
            initialState: &start Created
            states:
              - name: *start
              - &paid {name: Paid, type: final}
            transitions:
              - &pay {from: Created, to: Paid, event: PAY}
              - *pay
        """);
    assertThat(r.errors()).as(r.format()).isEmpty();
    assertThat(r.component().machine("Order").transitions()).hasSize(2);
  }

  @Test
  void missingFieldPointsAtTheEnclosingObject() {
    LoadResult r = loader.load("shop.yaml", SHOP.replace("    initialState: Created\n", ""));
    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ViolationCodes.MISSING_FIELD);
      assertThat(p.violation().path()).isEqualTo("stateMachines[0].initialState");
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.column()).isEqualTo(5);
    });
  }

  @Test
  void keyProblemsPointAtTheKeyAndValueProblemsAtTheValue() {
    LoadResult r = loader.load("shop.yaml", SHOP + """
        extra:
          nested: 1
        entryMachine: Nope
        """);
    assertThat(r.problems())
        .extracting(Problem::code, Problem::line, Problem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.UNKNOWN_KEY, 13, 1),
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.UNKNOWN_ENTRY_MACHINE, 15, 15));
  }

  @Test
  void problemFormatIsCompilerLike() {
    Problem error = new Problem("a.yaml", 3, 7,
        Violation.error("UNKNOWN_STATE", "x", "state \"B\" does not exist", "declare it"));
    assertThat(error.format())
        .isEqualTo("a.yaml:3:7: error UNKNOWN_STATE: state \"B\" does not exist (hint: declare it)");
    Problem warning = new Problem("a.yaml", 1, 1, Violation.warning("UNKNOWN_KEY", "", "odd", ""));
    assertThat(warning.format()).isEqualTo("a.yaml:1:1: warning UNKNOWN_KEY: odd");
    assertThat(warning.toString()).isEqualTo(warning.format());
  }

  @Test
  void resultInvariants() {
    Problem warning = new Problem("a.yaml", 1, 1, Violation.warning("W", "", "w", ""));
    Problem error = new Problem("a.yaml", 1, 1, Violation.error("E", "", "e", ""));
    Component c = loader.load("shop.yaml", SHOP).component();
    assertThat(new LoadResult("a", c, List.of(warning)).warnings()).containsExactly(warning);
    assertThatThrownBy(() -> new LoadResult("a", c, List.of(error)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoadResult("a", null, List.of(warning)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fileIsLoadedAndNamedByItsPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("shop.yaml");
    Files.writeString(file, "\uFEFF" + SHOP.replace("event: PAY", "event: PAY\n        guard: x"));
    LoadResult r = loader.load(file);
    assertThat(r.sourceName()).isEqualTo(file.toString());
    assertThat(r.component()).isNotNull();
    assertThat(r.warnings()).singleElement()
        .satisfies(p -> assertThat(p.format()).startsWith(file + ":13:9: warning REMOVED_KEY: "));
  }

  @Test
  void missingFileIsReportedWithAHint(@TempDir Path dir) {
    LoadResult r = loader.load(dir.resolve("nope.yaml"));
    assertThat(r.component()).isNull();
    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(YamlCodes.FILE_NOT_FOUND);
      assertThat(p.format()).startsWith(dir.resolve("nope.yaml") + ":1:1: error FILE_NOT_FOUND: ");
      assertThat(p.violation().hint()).contains("path");
    });
  }

  @Test
  void directoryOrNonUtf8FileIsUnreadable(@TempDir Path dir) throws IOException {
    assertThat(loader.load(dir).errors()).extracting(Problem::code)
        .containsExactly(YamlCodes.FILE_UNREADABLE);
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(loader.load(latin1).errors()).extracting(Problem::code)
        .containsExactly(YamlCodes.FILE_UNREADABLE);
  }

  @Test
  void limitsAreConfigurable() {
    YamlLimits strict = new YamlLimits(10_000, 0, 4, 1000);
    YamlComponentLoader strictLoader = new YamlComponentLoader(strict);
    assertThat(strictLoader.limits()).isEqualTo(strict);
    assertThat(strictLoader.load("shop.yaml", SHOP).errors())
        .extracting(Problem::code).containsExactly(YamlCodes.DEPTH_LIMIT);
    assertThat(strictLoader.load("a.yaml", "a: &x [1]\nb: *x\n").errors())
        .extracting(Problem::code).containsExactly(YamlCodes.ALIAS_LIMIT);
    assertThat(YamlLimits.defaults()).isEqualTo(new YamlLimits(1 << 20, 50, 50, 1_000_000));
    assertThatThrownBy(() -> new YamlLimits(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
