package dev.xcomponent.examples.orderpayment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.examples.orderpayment.RecordingSender.Sent;
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
    assertThat(sender.sent).hasSize(1);
    Sent sent = sender.sent.get(0);
    assertThat(sent.delayMs()).isEqualTo(500);
    assertThat(sent.event().type()).isEqualTo("VALIDATE");
    assertThat(sent.event().payload()).isEmpty();
    assertThat(sent.event().timestamp()).isEqualTo(NOW);
  }

  @Test
  void anotherMethodIsRejectedAtOnceWithItsName() {
    Future<Void> result = run(Map.of("orderId", "o-1", "paymentMethod", "amex"));

    assertThat(result.succeeded()).isTrue();
    assertThat(sender.sent).hasSize(1);
    Sent sent = sender.sent.get(0);
    assertThat(sent.delayMs()).isZero();
    assertThat(sent.event().type()).isEqualTo("REJECT");
    assertThat(sent.event().payload())
        .isEqualTo(Map.of("reason", "Unsupported payment method: amex"));
  }

  @Test
  void aMissingMethodIsRejectedAsNone() {
    run(Map.of("orderId", "o-1"));

    assertThat(sender.sent)
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.event().type()).isEqualTo("REJECT");
              assertThat(sent.event().payload())
                  .containsEntry("reason", "Unsupported payment method: none");
            });
  }

  @Test
  void aNullOrEmptyMethodIsRejectedAsNone() {
    Map<String, Object> data = new HashMap<>();
    data.put("paymentMethod", null);
    run(data);
    run(Map.of("paymentMethod", ""));

    assertThat(sender.sent)
        .extracting(sent -> sent.event().payload().get("reason"))
        .containsExactly("Unsupported payment method: none", "Unsupported payment method: none");
  }

  @Test
  void leavesThePaymentDataUnchanged() {
    TestHookCall call = TestHookCall.process(Map.of("paymentMethod", "visa"), sender);

    check.handle(call);

    assertThat(call.data()).isEqualTo(Map.of("paymentMethod", "visa"));
  }

  private Future<Void> run(Map<String, Object> data) {
    return check.handle(TestHookCall.process(data, sender));
  }
}
