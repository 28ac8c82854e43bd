package dev.xcomponent.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xcomponent.domain.engine.Event;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestkitTest {

  @Test
  void everyTimeoutIsDividedByTheScaleAndZeroStaysZero() {
    String yaml = "a:\n  timeoutMs: 45000\nb:\n  timeoutMs: 0\nc:\n  timeoutMs:  50\nd: x\n";

    assertThat(ExampleRuntime.scaled(yaml))
        .isEqualTo("a:\n  timeoutMs: 450\nb:\n  timeoutMs: 0\nc:\n  timeoutMs:  1\nd: x\n");
  }

  @Test
  void aTimeoutWrittenInAnotherFormFailsTheTest() {
    assertThatThrownBy(() -> ExampleRuntime.scaled("a: {timeoutMs: 45000}\n"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("0 of 1");
  }

  @Test
  void theSenderRecordsWhatTheHooksUseAndRefusesTheRest() {
    RecordingSender sender = new RecordingSender();
    Map<String, Object> data = new HashMap<>(Map.of("k", "v"));

    sender.sendToSelf(Event.of("NOW", Map.of(), 1L));
    sender.sendToSelfLater(Event.of("LATER", Map.of(), 2L), 500);
    assertThat(sender.createInstanceInComponent("Billing", "Charge", data)).isEqualTo("created-1");
    data.put("k", "changed");

    assertThat(sender.sent()).extracting(Event::type).containsExactly("NOW");
    assertThat(sender.sentLater()).extracting(RecordingSender.Later::delayMs).containsExactly(500L);
    assertThat(sender.created()).containsExactly(new RecordingSender.Created("Billing", "Charge", Map.of("k", "v")));
    assertThatThrownBy(() -> sender.sendTo("other", Event.of("X", Map.of(), 3L)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> sender.createInstance("Charge", Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);

    sender.clear();
    assertThat(sender.sent()).isEmpty();
    assertThat(sender.sentLater()).isEmpty();
    assertThat(sender.created()).isEmpty();
  }
}
