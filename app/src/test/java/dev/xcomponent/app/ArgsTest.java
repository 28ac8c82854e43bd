package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written option parser. */
class ArgsTest {
  private static final Args.Spec SPEC =
      new Args.Spec(Set.of("events", "port"), Set.of("strict"), Map.of("e", "events"));

  @Test
  void readsEveryOptionForm() throws UsageException {
    Args a = Args.parse(List.of("f.yaml", "--strict", "-e", "[1]", "--port=3", "M"), SPEC);
    assertThat(a.positionals()).containsExactly("f.yaml", "M");
    assertThat(a.flag("strict")).isTrue();
    assertThat(a.value("events")).contains("[1]");
    assertThat(a.value("port")).contains("3");
  }

  @Test
  void doubleDashEndsOptions() throws UsageException {
    Args a = Args.parse(List.of("--", "--strict", "-"), SPEC);
    assertThat(a.positionals()).containsExactly("--strict", "-");
    assertThat(a.flag("strict")).isFalse();
  }

  @Test
  void refusesUnknownOptionsMissingValuesAndValuedFlags() {
    assertThatThrownBy(() -> Args.parse(List.of("--nope"), SPEC)).hasMessage("unknown option --nope");
    assertThatThrownBy(() -> Args.parse(List.of("-x"), SPEC)).hasMessage("unknown option -x");
    assertThatThrownBy(() -> Args.parse(List.of("--events"), SPEC)).hasMessage("option --events needs a value");
    assertThatThrownBy(() -> Args.parse(List.of("--strict=yes"), SPEC)).hasMessage("option --strict takes no value");
  }

  @Test
  void helpIsRecognisedBeforeDoubleDashOnly() {
    assertThat(Args.wantsHelp(List.of("f", "-h"))).isTrue();
    assertThat(Args.wantsHelp(List.of("--", "--help"))).isFalse();
  }
}
