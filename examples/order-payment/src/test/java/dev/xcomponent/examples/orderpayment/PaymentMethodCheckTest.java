package dev.xcomponent.examples.orderpayment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.examples.testkit.RecordingSender;
import dev.xcomponent.examples.testkit.RecordingSender.Later;
import dev.xcomponent.examples.testkit.TestHookCall;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentMethodCheckTest {
  private static final long NOW = 42_000L;

  private final PaymentMethodCheck check = new PaymentMethodCheck(() -> NOW);
  private final RecordingSender sender = new RecordingSender();

  @ParameterizedTest
  @ValueSource(strings = {"visa", "VISA", "Mastercard", "cb"})
  void acceptedCardsAreValidatedHalfASecondLater(String method) {
    Future<Void> result = run(Map.of("orderId", "o-1", "paymentMethod", method));

    assertThat(result.succeeded()).isTrue();
    assertThat(sender.sent()).isEmpty();
    assertThat(sender.sentLater()).hasSize(1);
    Later later = sender.sentLater().get(0);
    assertThat(later.delayMs()).isEqualTo(500);
    assertThat(later.event().type()).isEqualTo("VALIDATE");
    assertThat(later.event().payload()).isEmpty();
    assertThat(later.event().timestamp()).isEqualTo(NOW);
  }

  @Test
  void anotherMethodIsRejectedAtOnceWithItsName() {
    Future<Void> result = run(Map.of("orderId", "o-1", "paymentMethod", "amex"));

    assertThat(result.succeeded()).isTrue();
    assertThat(sender.sentLater()).isEmpty();
    assertThat(sender.sent()).hasSize(1);
    Event sent = sender.sent().get(0);
    assertThat(sent.type()).isEqualTo("REJECT");
    assertThat(sent.payload())
        .isEqualTo(Map.of("reason", "Unsupported payment method: amex"));
  }

  @Test
  void aMissingMethodIsRejectedAsNone() {
    run(Map.of("orderId", "o-1"));

    assertThat(sender.sentLater()).isEmpty();
    assertThat(sender.sent())
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.type()).isEqualTo("REJECT");
              assertThat(sent.payload())
                  .containsEntry("reason", "Unsupported payment method: none");
            });
  }

  @Test
  void aNullOrEmptyMethodIsRejectedAsNone() {
    Map<String, Object> data = new HashMap<>();
    data.put("paymentMethod", null);
    run(data);
    run(Map.of("paymentMethod", ""));

    assertThat(sender.sentLater()).isEmpty();
    assertThat(sender.sent())
        .extracting(sent -> sent.payload().get("reason"))
        .containsExactly("Unsupported payment method: none", "Unsupported payment method: none");
  }

  @Test
  void leavesThePaymentDataUnchanged() {
    TestHookCall call = process(Map.of("paymentMethod", "visa"), sender);

    check.handle(call);

    assertThat(call.data()).isEqualTo(Map.of("paymentMethod", "visa"));
  }

  private Future<Void> run(Map<String, Object> data) {
    return check.handle(process(data, sender));
  }

  /** The {@code checkPaymentMethod} call of a {@code PROCESS} event on a payment with {@code data}. */
  private static TestHookCall process(Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        HookKind.TRIGGERED,
        PaymentMethodCheck.METHOD,
        "PaymentComponent",
        "Payment",
        "payment-1",
        "Pending",
        Event.of("PROCESS", Map.of(), 1_000L),
        new HashMap<>(data),
        sender);
  }
}
