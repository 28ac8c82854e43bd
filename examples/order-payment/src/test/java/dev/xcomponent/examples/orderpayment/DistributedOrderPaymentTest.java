package dev.xcomponent.examples.orderpayment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RemoteComponentRegistry;
import dev.xcomponent.application.RuntimeHost;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeEvent;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The distributed wiring of SPEC §c in one JVM: each component runs in its own registry with its
 * own broker connection and a {@link RuntimeHost}, and a {@link RemoteComponentRegistry} (the
 * dashboard) drives the flow through commands only. The same wiring over RabbitMQ, Redis and Kafka,
 * in separate processes, is tested in the app module.
 */
class DistributedOrderPaymentTest {
  private Vertx vertx;
  private InMemoryMessageBroker bus;
  private LocalComponentRegistry orders;
  private LocalComponentRegistry payments;
  private RuntimeHost orderHost;
  private RuntimeHost paymentHost;
  private RemoteComponentRegistry dashboard;
  private final List<RuntimeEvent> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    bus = new InMemoryMessageBroker(vertx);
    dashboard = RemoteComponentRegistry.start(vertx, bus.connection(), null,
        new RemoteComponentRegistry.Settings(2_000, 5_000, 10_000, "test")).await(10, TimeUnit.SECONDS);
    dashboard.addListener(seen::add);
    orders = runtime("order-component.yaml");
    orderHost = host(orders);
    payments = runtime("payment-component.yaml");
    paymentHost = host(payments);
    waitFor(() -> dashboard.components().size() == 2 ? Optional.of(true) : Optional.empty());
  }

  private LocalComponentRegistry runtime(String file) throws Exception {
    HandlerRegistry handlers = new HandlerRegistry();
    ServiceLoader.load(HandlerProvider.class).forEach(p -> p.register(handlers));
    LoadResult r = new YamlComponentLoader().load(Path.of(file));
    assertThat(r.hasErrors()).as(r.format()).isFalse();
    return LocalComponentRegistry.start(vertx, List.<Component>of(r.componentOrNull()), handlers, bus.connection(),
        RuntimeSettings.defaults()).await(10, TimeUnit.SECONDS);
  }

  private RuntimeHost host(LocalComponentRegistry registry) throws Exception {
    return RuntimeHost.start(vertx, registry, bus.connection(), new RuntimeHost.Settings("test", 0, 200, 1000))
        .await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void theDashboardRunsTheWholeFlowThroughCommands() throws Exception {
    assertThat(dashboard.runtimes()).extracting(r -> r.componentName())
        .containsExactly("OrderComponent", "PaymentComponent");
    String orderId = "order-" + System.nanoTime();
    InstanceView order = dashboard.createInstance("OrderComponent", "Order",
        Map.of("orderId", orderId, "amount", 99.99, "customerId", "c-1", "paymentMethod", "visa"))
        .await(10, TimeUnit.SECONDS);
    assertThat(order.currentState()).isEqualTo("Created");
    assertThat(send(order.id(), "SUBMIT").currentState()).isEqualTo("PendingPayment");
    InstanceView payment = waitFor(() -> dashboard.listInstances(new InstanceQuery("PaymentComponent", "Payment", null, null, 100))
        .stream().filter(v -> orderId.equals(v.data().get("orderId"))).findFirst());
    assertThat(send(payment.id(), "PROCESS").currentState()).isEqualTo("Processing");
    waitFor(() -> state(payment.id()).filter("Validated"::equals));
    assertThat(send(payment.id(), "COMPLETE").currentState()).isEqualTo("Completed");
    waitFor(() -> state(order.id()).filter("Paid"::equals));
    assertThat(send(order.id(), "SHIP").currentState()).isEqualTo("Shipped");
    EventOutcome delivered = send(order.id(), "DELIVER");
    assertThat(delivered.currentState()).isEqualTo("Completed");
    waitFor(() -> dashboard.findInstance(order.id()).filter(InstanceView::finished));
    assertThat(orders.findInstance(order.id()).orElseThrow().currentState()).isEqualTo("Completed");
    assertThat(seen).extracting(RuntimeEvent::type).contains("runtime_connected", "instance_created", "state_change");
    assertThat(dashboard.history(order.id()).await(5, TimeUnit.SECONDS))
        .extracting(h -> h.toState()).containsSubsequence("PendingPayment", "Paid", "Shipped", "Completed");
  }

  @Test
  void anIgnoredEventAndAnUnknownInstanceAnswerClearly() throws Exception {
    InstanceView order = dashboard.createInstance("OrderComponent", null,
        Map.of("orderId", "o-x", "amount", 1, "paymentMethod", "visa")).await(10, TimeUnit.SECONDS);
    EventOutcome ignored = send(order.id(), "SHIP");
    assertThat(ignored.transitioned()).isFalse();
    assertThat(ignored.currentState()).isEqualTo("Created");
    try {
      dashboard.sendEvent("OrderComponent", "nope", Event.of("SHIP", Map.of(), 0)).await(10, TimeUnit.SECONDS);
      throw new AssertionError("an unknown instance must fail");
    } catch (RuntimeFailure e) {
      assertThat(e.code().name()).isEqualTo("INSTANCE_NOT_FOUND");
    }
  }

  @Test
  void aRuntimeThatShutsDownDisappearsFromTheDashboard() throws Exception {
    paymentHost.stop().await(5, TimeUnit.SECONDS);
    waitFor(() -> dashboard.component("PaymentComponent").isEmpty() ? Optional.of(true) : Optional.empty());
    assertThat(dashboard.runtimes()).extracting(r -> r.componentName()).containsExactly("OrderComponent");
    assertThat(seen).extracting(RuntimeEvent::type).contains("runtime_disconnected");
    orderHost.stop().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aRuntimeThatFallsSilentIsDroppedAfterTheTimeout() throws Exception {
    // A runtime killed with SIGKILL says nothing: it only stops heartbeating. Announce one by hand.
    Component ghost = dashboard.component("OrderComponent").orElseThrow();
    Map<String, Object> definition = new io.vertx.core.json.JsonObject(
        dev.xcomponent.application.ComponentJson.component(ghost).encode()).getMap();
    definition.put("name", "GhostComponent");
    bus.connection().publish("fsm:registry:announce", Map.of("runtimeId", "ghost-1", "componentName", "GhostComponent",
        "component", definition, "host", "nowhere", "port", 0, "timestamp", System.currentTimeMillis()))
        .await(5, TimeUnit.SECONDS);
    waitFor(() -> dashboard.component("GhostComponent"));
    long seen = System.currentTimeMillis();
    waitFor(() -> dashboard.component("GhostComponent").isEmpty() ? Optional.of(true) : Optional.empty());
    assertThat(System.currentTimeMillis() - seen).as("dropped after the 2 s timeout, not before").isGreaterThanOrEqualTo(1_500);
    assertThat(dashboard.runtimes()).extracting(r -> r.componentName())
        .containsExactly("OrderComponent", "PaymentComponent");
  }

  @Test
  void aCommandTheRuntimeCannotUnderstandGoesToTheDeadLettersOnce() throws Exception {
    java.util.List<Map<String, Object>> dead = new CopyOnWriteArrayList<>();
    bus.connection().subscribe("fsm:deadletter:OrderComponent", dead::add).await(5, TimeUnit.SECONDS);
    Map<String, Object> bad = Map.of("componentName", "OrderComponent", "machineName", "NoSuchMachine",
        "context", Map.of(), "messageId", "bad-1", "timestamp", 0);
    bus.connection().publish("fsm:commands:create_instance", bad).await(5, TimeUnit.SECONDS);
    waitFor(() -> dead.isEmpty() ? Optional.empty() : Optional.of(true));
    assertThat(dead.get(0)).containsEntry("channel", "fsm:commands:create_instance");
    assertThat((String) dead.get(0).get("error")).contains("NoSuchMachine");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> messaging = (Map<String, Map<String, Object>>) orders.dependencies().get("messaging");
    assertThat(messaging.get("OrderComponent")).containsEntry("deadLetters", 1L);
    // The same message again is recognised and not acted on a second time.
    bus.connection().publish("fsm:commands:create_instance", bad).await(5, TimeUnit.SECONDS);
    Thread.sleep(300);
    assertThat(orders.dependencies().toString()).contains("deadLetters=1");
  }

  private EventOutcome send(String id, String type) throws Exception {
    return dashboard.sendEvent(null, id, Event.of(type, Map.of(), System.currentTimeMillis())).await(10, TimeUnit.SECONDS);
  }

  private Optional<String> state(String id) {
    return dashboard.findInstance(id).map(InstanceView::currentState);
  }

  private static <T> T waitFor(Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("condition not reached within 10 s");
  }
}
