package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmMemoryTest {

  @Test
  void aHeapNeitherOnHugePagesNorPreTouchedComesWithTheHint() {
    String line = new JvmMemory(384L << 20, 6_028L << 20, false, false).describe();
    assertThat(line).startsWith("JVM heap: 384 MiB at start, at most 6028 MiB; transparent huge pages off, pre-touch off")
        .contains("docs/operations.md");
  }

  @Test
  void eitherSettingIsEnoughToLeaveTheHintOut() {
    assertThat(new JvmMemory(1L << 30, 1L << 30, false, true).describe())
        .isEqualTo("JVM heap: 1024 MiB at start, at most 1024 MiB; transparent huge pages off, pre-touch on");
    assertThat(new JvmMemory(1L << 30, 2L << 30, true, false).describe()).doesNotContain("docs/operations.md");
  }

  @Test
  void readsTheSettingsOfThisJvm() {
    JvmMemory here = JvmMemory.current();
    assertThat(here.initialBytes()).isPositive();
    assertThat(here.maxBytes()).isGreaterThanOrEqualTo(here.initialBytes());
    assertThat(here.preTouched()).isEqualTo(
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch"));
  }
}
