package dev.xcomponent.examples.orderpayment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The flow of SPEC §h end to end, with both components in one process over the in-memory broker
 * and the plugin found by ServiceLoader, exactly as {@code serve} wires them.
 */
class OrderPaymentFlowTest {
  private Vertx vertx;
  private LocalComponentRegistry registry;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    HandlerRegistry handlers = new HandlerRegistry();
    ServiceLoader.load(HandlerProvider.class).forEach(p -> p.register(handlers));
    YamlComponentLoader loader = new YamlComponentLoader();
    List<Component> components =
        List.of(load(loader, "order-component.yaml"), load(loader, "payment-component.yaml"));
    registry =
        LocalComponentRegistry.start(
                vertx, components, handlers, new InMemoryMessageBroker(vertx), RuntimeSettings.defaults())
            .await(10, TimeUnit.SECONDS);
  }

  private static Component load(YamlComponentLoader loader, String file) {
    LoadResult r = loader.load(Path.of(file));
    assertThat(r.hasErrors()).as(r.format()).isFalse();
    return r.componentOrNull();
  }

  @AfterEach
  void stop() throws Exception {
    registry.stop().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void visaOrderIsPaidShippedAndDelivered() throws Exception {
    String orderId = "order-" + System.nanoTime();
    String order = create(orderId, "visa");
    assertThat(send(order, "SUBMIT").currentState()).isEqualTo("PendingPayment");
    InstanceView payment = waitFor(() -> paymentOf(orderId));
    assertThat(payment.currentState()).isEqualTo("Pending");
    assertThat(payment.data()).isEqualTo(Map.of("orderId", orderId, "amount", 99.99, "paymentMethod", "visa"));
    assertThat(send(payment.id(), "PROCESS").currentState()).isEqualTo("Processing");
    waitFor(() -> state(payment.id()).filter("Validated"::equals));
    assertThat(send(payment.id(), "COMPLETE").currentState()).isEqualTo("Completed");
    waitFor(() -> state(order).filter("Paid"::equals));
    assertThat(send(order, "SHIP").currentState()).isEqualTo("Shipped");
    assertThat(send(order, "DELIVER").currentState()).isEqualTo("Completed");
    assertThat(registry.findInstance(order).orElseThrow().finished()).isTrue();
  }

  @Test
  void unsupportedMethodCancelsTheOrderAndOtherOrdersAreUntouched() throws Exception {
    String bad = "order-bad-" + System.nanoTime();
    String good = "order-good-" + System.nanoTime();
    String badOrder = create(bad, "amex");
    String goodOrder = create(good, "cb");
    send(badOrder, "SUBMIT");
    send(goodOrder, "SUBMIT");
    InstanceView payment = waitFor(() -> paymentOf(bad));
    send(payment.id(), "PROCESS");
    waitFor(() -> state(badOrder).filter("Cancelled"::equals));
    assertThat(registry.findInstance(payment.id()).orElseThrow().currentState()).isEqualTo("Failed");
    assertThat(state(goodOrder)).contains("PendingPayment");
  }

  private String create(String orderId, String method) throws Exception {
    Map<String, Object> ctx =
        Map.of("orderId", orderId, "amount", 99.99, "customerId", "customer-123", "paymentMethod", method);
    return registry.createInstance("OrderComponent", "Order", ctx).await(5, TimeUnit.SECONDS).id();
  }

  private dev.xcomponent.port.EventOutcome send(String id, String type) throws Exception {
    return registry.sendEvent(null, id, Event.of(type, Map.of(), System.currentTimeMillis())).await(5, TimeUnit.SECONDS);
  }

  private Optional<InstanceView> paymentOf(String orderId) {
    return registry.listInstances(new InstanceQuery("PaymentComponent", "Payment", null, null, 1000)).stream()
        .filter(v -> orderId.equals(v.data().get("orderId")))
        .findFirst();
  }

  private Optional<String> state(String id) {
    return registry.findInstance(id).map(InstanceView::currentState);
  }

  private static <T> T waitFor(Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("condition not reached within 5 s");
  }
}
