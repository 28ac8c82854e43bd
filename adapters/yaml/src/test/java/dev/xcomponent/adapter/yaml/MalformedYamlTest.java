package dev.xcomponent.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.validation.ViolationCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each malformed input is refused with the right code at the right line and column. */
class MalformedYamlTest {
  private final YamlComponentLoader loader = new YamlComponentLoader();

  @ParameterizedTest(name = "{0} -> {1} at {2}:{3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          syntax-error.yaml                    | YAML_SYNTAX              |  6 |  5 | expected ',' or ']'
          unknown-to-state.yaml                | UNKNOWN_STATE            | 14 | 13 | Transition #2 of machine "Order": "to" state "Shipped" does not exist
          unknown-initial-state.yaml           | UNKNOWN_INITIAL_STATE    |  4 | 19 | initialState "Start" of machine "Order"
          unknown-entry-machine.yaml           | UNKNOWN_ENTRY_MACHINE    |  2 | 15 | entryMachine "Basket" does not exist
          duplicate-machines.yaml              | DUPLICATE_MACHINE        |  9 | 11 | Duplicate machine name "Order"
          duplicate-states.yaml                | DUPLICATE_STATE          |  9 | 15 | Duplicate state name "Created"
          duplicate-keys.yaml                  | DUPLICATE_KEY            | 13 |  9 | Duplicate key "to" (first given at line 11)
          timeout-without-timeoutms.yaml       | MISSING_TIMEOUT          | 10 |  9 | timeout transition must have timeoutMs value
          negative-timeout.yaml                | VALUE_OUT_OF_RANGE       | 14 | 20 | timeoutMs -1000 is negative
          absurd-timeout.yaml                  | VALUE_OUT_OF_RANGE       | 14 | 20 | timeoutMs 31536000001 is more than one year
          inter-machine-without-target.yaml    | MISSING_TARGET_MACHINE   | 10 |  9 | inter_machine transition must have targetMachine
          cross-component-without-target.yaml  | MISSING_TARGET_COMPONENT | 10 |  9 | cross_component transition must have targetComponent
          unknown-transition-type.yaml         | INVALID_ENUM_VALUE       | 13 | 15 | unknown type "teleport"
          unknown-operator.yaml                | INVALID_ENUM_VALUE       | 16 | 23 | unknown operator "=="
          billion-laughs.yaml                  | ALIAS_LIMIT              |  8 | 12 | More than 50 aliases
          script-engine-tag.yaml               | TYPE_TAG_REJECTED        |  4 | 11 | !!javax.script.ScriptEngineManager
          canary-tag.yaml                      | TYPE_TAG_REJECTED        |  3 |  5 | !!dev.xcomponent.adapter.yaml.Canary
          multi-document.yaml                  | MULTIPLE_DOCUMENTS       |  9 |  1 | more than one YAML document
          root-list.yaml                       | ROOT_NOT_MAPPING         |  1 |  1 | must be a mapping
          """)
  void isRefusedWithCodeAndPosition(String file, String code, int line, int column, String text) {
    Path path = Fixtures.malformed(file);
    LoadResult r = loader.load(path);
    assertThat(r.component()).isNull();
    assertThat(r.hasErrors()).isTrue();
    Problem first = r.errors().get(0);
    assertThat(first.code()).as(r.format()).isEqualTo(code);
    assertThat(first.line()).as(r.format()).isEqualTo(line);
    assertThat(first.column()).as(r.format()).isEqualTo(column);
    assertThat(first.message()).contains(text);
    assertThat(first.violation().hint()).isNotBlank();
    assertThat(first.file()).isEqualTo(path.toString());
    assertThat(first.format()).startsWith(path + ":" + line + ":" + column + ": error " + code + ": ");
  }

  @Test
  void wrongTypesAreEachReported() {
    LoadResult r = loader.load(Fixtures.malformed("wrong-types.yaml"));
    assertThat(r.errors())
        .extracting(Problem::code, Problem::line, Problem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.WRONG_TYPE, 5, 13),
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.WRONG_TYPE, 11, 20),
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.WRONG_TYPE, 12, 28));
    assertThat(r.errors().get(0).message()).contains("must be a list", "got string \"Created\"");
    assertThat(r.errors().get(1).message()).contains("must be an integer", "got string \"soon\"");
    assertThat(r.errors().get(2).message()).contains("must be a boolean", "got string \"no\"");
  }

  @Test
  void scriptEngineGadgetIsRefusedTagByTag() {
    LoadResult r = loader.load(Fixtures.malformed("script-engine-tag.yaml"));
    assertThat(r.problems())
        .extracting(Problem::code)
        .containsOnly(YamlCodes.TYPE_TAG_REJECTED)
        .hasSize(3);
    assertThat(r.problems())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("!!java.net.URLClassLoader"))
        .anySatisfy(m -> assertThat(m).contains("!!java.net.URL "));
  }

  @Test
  void taggedClassIsNeverLoaded() {
    LoadResult r = loader.load(Fixtures.malformed("canary-tag.yaml"));
    assertThat(r.errors()).extracting(Problem::code).containsExactly(YamlCodes.TYPE_TAG_REJECTED);
    assertThat(Canary.Flag.TOUCHED).isFalse();
    LoadResult inline =
        loader.load("inline.yaml", "name: X\nstateMachines: !!dev.xcomponent.adapter.yaml.Canary []\n");
    assertThat(inline.errors()).extracting(Problem::code)
        .containsExactly(YamlCodes.TYPE_TAG_REJECTED);
    assertThat(Canary.Flag.TOUCHED).isFalse();
  }

  @Test
  void localAndNonSpecificTagsAreRefusedToo() {
    for (String value : List.of("!foo bar", "! bar", "!!binary aGVsbG8=", "!!timestamp 2001-12-14",
        "!<tag:example.com,2000:app/x> y", "!!set {a}")) {
      LoadResult r = loader.load("tag.yaml", "name: X\nstateMachines: []\ndescription: " + value);
      assertThat(r.errors()).as(value).extracting(Problem::code)
          .containsExactly(YamlCodes.TYPE_TAG_REJECTED);
      assertThat(r.errors().get(0).line()).isEqualTo(3);
    }
  }

  @Test
  void standardTagsAreAccepted() {
    LoadResult r = loader.load("tags.yaml", """
        name: !!str Shop
        version: !!str 1.0
        stateMachines: !!seq
          - !!map
            name: Order
            initialState: A
            states: [{name: A, type: final}]
            transitions: []
        hookTimeoutMs: !!int "5000"
        autoCreateEntryPoint: !!bool true
        metadata: {ratio: !!float 1, none: !!null ""}
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.component().version()).isEqualTo("1.0");
    assertThat(r.component().hookTimeoutMs()).isEqualTo(5000L);
    assertThat(r.component().metadata()).containsEntry("ratio", 1.0).containsEntry("none", null);
  }

  @Test
  @Timeout(10)
  void tenThousandLevelsOfNesting() {
    String deep = "name: Deep\nstateMachines: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    LoadResult r = loader.load("deep.yaml", deep);
    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(YamlCodes.DEPTH_LIMIT);
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.column()).isEqualTo(15 + 50);
    });
    String block = new StringBuilder("name: Deep\n").append(nestedBlock(400)).toString();
    assertThat(loader.load("deep-block.yaml", block).errors())
        .extracting(Problem::code).containsExactly(YamlCodes.DEPTH_LIMIT);
  }

  private static String nestedBlock(int levels) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      sb.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    return sb.toString();
  }

  @Test
  @Timeout(10)
  void aliasesExpandingBeyondTheValueLimitAreRefused() {
    // 25 levels doubling: only 48 aliases, but 2^25 values once expanded.
    StringBuilder sb = new StringBuilder("name: X\na0: &a0 [x, y]\n");
    for (int i = 1; i < 25; i++) {
      sb.append("a").append(i).append(": &a").append(i)
          .append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    LoadResult r = loader.load("doubling.yaml", sb.toString());
    assertThat(r.errors()).extracting(Problem::code).containsExactly(YamlCodes.ALIAS_LIMIT);
  }

  @Test
  void recursiveAliasIsRefused() {
    LoadResult r = loader.load("rec.yaml", "name: X\nstateMachines: []\nmetadata: &m\n  self: *m\n");
    assertThat(r.errors()).extracting(Problem::code).contains(YamlCodes.RECURSIVE_ALIAS);
  }

  @Test
  void oversizeDocumentIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    String big = "name: Big\nmetadata:\n  blob: \"" + "x".repeat(1 << 20) + "\"\n";
    LoadResult text = loader.load("big.yaml", big);
    assertThat(text.errors()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(YamlCodes.SIZE_LIMIT);
      assertThat(p.format()).startsWith("big.yaml:1:1: error SIZE_LIMIT: ");
    });

    Path file = dir.resolve("big.yaml");
    Files.writeString(file, big);
    LoadResult fromFile = loader.load(file);
    assertThat(fromFile.errors()).extracting(Problem::code).containsExactly(YamlCodes.SIZE_LIMIT);
    assertThat(fromFile.errors().get(0).message()).contains(String.valueOf(Files.size(file)));
  }

  @Test
  void sizeIsCountedInUtf8Bytes() {
    YamlLimits small = YamlLimits.DEFAULTS.withMaxBytes(100);
    String text = "name: X\ndescription: \"" + "é".repeat(50) + "\"\n"; // 73 chars, 123 bytes
    LoadResult r = new YamlComponentLoader(small).load("utf8.yaml", text);
    assertThat(r.errors()).extracting(Problem::code).containsExactly(YamlCodes.SIZE_LIMIT);
  }

  @Test
  void severalProblemsAreReportedAtOnceInDocumentOrder() {
    LoadResult r = loader.load(Fixtures.malformed("several-problems.yaml"));
    assertThat(r.component()).isNull();
    assertThat(r.problems())
        .extracting(Problem::line, Problem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, ViolationCodes.MISSING_FIELD),
            org.assertj.core.groups.Tuple.tuple(2, ViolationCodes.UNKNOWN_ENTRY_MACHINE),
            org.assertj.core.groups.Tuple.tuple(5, ViolationCodes.UNKNOWN_INITIAL_STATE),
            org.assertj.core.groups.Tuple.tuple(7, ViolationCodes.NO_TERMINAL_STATE),
            org.assertj.core.groups.Tuple.tuple(8, ViolationCodes.DUPLICATE_STATE),
            org.assertj.core.groups.Tuple.tuple(11, ViolationCodes.UNKNOWN_STATE),
            org.assertj.core.groups.Tuple.tuple(13, ViolationCodes.MISSING_FIELD),
            org.assertj.core.groups.Tuple.tuple(16, ViolationCodes.VALUE_OUT_OF_RANGE),
            org.assertj.core.groups.Tuple.tuple(20, ViolationCodes.INVALID_ENUM_VALUE),
            org.assertj.core.groups.Tuple.tuple(21, ViolationCodes.MISSING_FIELD),
            org.assertj.core.groups.Tuple.tuple(21, ViolationCodes.DUPLICATE_MACHINE),
            org.assertj.core.groups.Tuple.tuple(23, ViolationCodes.NO_STATES));
    assertThat(r.errors()).hasSize(11);
    assertThat(r.warnings()).hasSize(1);
    assertThat(r.format().lines()).hasSize(12);
  }

  @Test
  void duplicateKeysAreAllReportedAndReadingGoesOn() {
    LoadResult r = loader.load("dup.yaml", """
        name: Shop
        name: Again
        stateMachines:
          - name: Order
            initialState: Start
            initialState: A
            states: [{name: A}]
            transitions: []
        """);
    assertThat(r.errors())
        .extracting(Problem::code, Problem::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(YamlCodes.DUPLICATE_KEY, 2),
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.UNKNOWN_INITIAL_STATE, 5),
            org.assertj.core.groups.Tuple.tuple(YamlCodes.DUPLICATE_KEY, 6));
  }

  @Test
  void emptyDocumentIsRefused() {
    for (String text : List.of("", "# only a comment\n", "---\n", "~\n")) {
      LoadResult r = loader.load("empty.yaml", text);
      assertThat(r.errors()).as(text).extracting(Problem::code)
          .containsExactly(ViolationCodes.EMPTY_DOCUMENT);
    }
  }

  @Test
  void scalarRootIsRefused() {
    LoadResult r = loader.load("scalar.yaml", "just text\n");
    assertThat(r.errors()).extracting(Problem::code).containsExactly(YamlCodes.ROOT_NOT_MAPPING);
  }

  @Test
  void undefinedAliasIsASyntaxError() {
    LoadResult r = loader.load("alias.yaml", "name: X\nstateMachines: *nothing\n");
    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(YamlCodes.YAML_SYNTAX);
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.column()).isEqualTo(16);
    });
  }

  @Test
  void integerBeyond64BitsIsRefused() {
    LoadResult r = loader.load("big-int.yaml", """
        name: Shop
        stateMachines:
          - name: Order
            initialState: A
            states: [{name: A, type: final}]
            transitions: []
        metadata: {n: 123456789012345678901234567890}
        """);
    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(YamlCodes.INTEGER_TOO_LARGE);
      assertThat(p.line()).isEqualTo(7);
      assertThat(p.column()).isEqualTo(15);
    });
  }

  @Test
  void invalidStandardScalarIsRefused() {
    LoadResult r = loader.load("bad-int.yaml", "name: X\nhookTimeoutMs: !!int soon\n");
    assertThat(r.errors()).extracting(Problem::code).contains(YamlCodes.INVALID_SCALAR);
  }

  @Test
  void nonScalarKeyIsRefused() {
    LoadResult r = loader.load("key.yaml", "name: X\n? [a, b]\n: value\n");
    assertThat(r.errors()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(YamlCodes.NON_SCALAR_KEY);
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.column()).isEqualTo(3);
    });
    r = loader.load("key.yaml", "name: X\nlist: &l [1]\n*l : value\n");
    assertThat(r.errors()).extracting(Problem::code, Problem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(YamlCodes.NON_SCALAR_KEY, 3));
    r = loader.load("key.yaml", "name: &n X\n*n : value\n");
    assertThat(r.problems()).extracting(Problem::code)
        .doesNotContain(YamlCodes.NON_SCALAR_KEY, YamlCodes.YAML_SYNTAX);
  }
}
