package dev.xcomponent.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.xcomponent.adapter.memory.InMemoryEventStore;
import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.app.ComponentFiles;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The runtime metrics against real runtimes (in-memory broker and store): live instances stay
 * equal to what the registry lists, restored instances included; a failing hook counts as {@code
 * error} and its log line carries the instance's id and correlation id.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RuntimeMetricsTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static List<Component> example() throws Exception {
    Path order = Path.of("../examples/order-payment/order-component.yaml");
    Path payment = Path.of("../examples/order-payment/payment-component.yaml");
    if (!Files.isRegularFile(order)) {
      Path ref = Path.of("../../shared/reference/examples");
      order = ref.resolve("distributed-order-component.yaml");
      payment = ref.resolve("distributed-payment-component.yaml");
    }
    return ComponentFiles.loadAll(List.of(order.toString(), payment.toString()),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private LocalComponentRegistry start(Metrics metrics, List<Component> components, HandlerRegistry handlers,
      InMemoryEventStore store) throws Exception {
    LocalComponentRegistry registry = LocalComponentRegistry.start(vertx, components, handlers,
        metrics.broker(new InMemoryMessageBroker(vertx)), metrics.store(store), RuntimeSettings.defaults(),
        System::currentTimeMillis, List.of(metrics.runtimeListener(components))).await(10, TimeUnit.SECONDS);
    metrics.watchLocal(registry);
    return registry;
  }

  @Test
  void liveInstancesMatchTheRegistryAcrossARestart() throws Exception {
    List<Component> components = example();
    InMemoryEventStore store = new InMemoryEventStore();
    Metrics first = Metrics.create(vertx);
    LocalComponentRegistry registry = start(first, components, new HandlerRegistry(), store);
    String a = create(registry, "ORD-A");
    create(registry, "ORD-B");
    String c = create(registry, "ORD-C");
    send(registry, a, "SUBMIT");
    send(registry, c, "CANCEL");
    assertMatches(first, registry, components);
    registry.stop().await(10, TimeUnit.SECONDS);
    first.close();

    Metrics second = Metrics.create(vertx);
    LocalComponentRegistry restarted = start(second, components, new HandlerRegistry(), store);
    assertThat(restarted.listInstances(new InstanceQuery("OrderComponent", "Order", "Created", "active", 100)))
        .hasSizeGreaterThanOrEqualTo(1);
    assertMatches(second, restarted, components);
    restarted.stop().await(10, TimeUnit.SECONDS);
    second.close();
  }

  @Test
  void aFailingHookCountsAsAnErrorAndLogsTheInstanceInTheMdc() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger logger = context.getLogger("dev.xcomponent.application.ComponentRuntime");
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
    capture.setContext(context);
    JsonLineEncoder encoder = new JsonLineEncoder();
    encoder.setContext(context);
    encoder.start();
    capture.setEncoder(encoder);
    capture.setOutputStream(lines);
    capture.start();
    logger.addAppender(capture);
    Metrics metrics = Metrics.create(vertx);
    try {
      List<Component> components = example();
      HandlerRegistry handlers = new HandlerRegistry()
          .register("checkPaymentMethod", call -> Future.failedFuture(new IllegalStateException("card refused")));
      LocalComponentRegistry registry = start(metrics, components, handlers, null);
      String payment = registry.createInstance("PaymentComponent", "Payment", Map.of("orderId", "ORD-9", "amount", 5))
          .await(10, TimeUnit.SECONDS).id();
      registry.sendEvent(null, payment, Event.of("PROCESS", Map.of(), System.currentTimeMillis()))
          .otherwiseEmpty().await(10, TimeUnit.SECONDS);

      Scrape scrape = new Scrape(metrics.scrapeNow());
      assertThat(scrape.value("xcomponent_transitions_total", "component", "PaymentComponent", "machine", "Payment",
          "outcome", "error")).as(scrape.toString()).isEqualTo(1.0);
      JsonObject line = lines.toString(StandardCharsets.UTF_8).lines().map(JsonObject::new)
          .filter(j -> j.getString("message").contains("card refused")).findFirst().orElseThrow();
      assertThat(line.getString("instanceId")).isEqualTo(payment);
      assertThat(line.getString("correlationId")).isNotBlank();
      assertThat(line.getString("level")).isEqualTo("WARN");
      registry.stop().await(10, TimeUnit.SECONDS);
    } finally {
      logger.detachAppender(capture);
      capture.stop();
      metrics.close();
    }
  }

  private static String create(LocalComponentRegistry registry, String orderId) throws Exception {
    return registry.createInstance("OrderComponent", "Order", Map.of("orderId", orderId, "amount", 10))
        .await(10, TimeUnit.SECONDS).id();
  }

  private static void send(LocalComponentRegistry registry, String id, String type) throws Exception {
    registry.sendEvent(null, id, Event.of(type, Map.of(), System.currentTimeMillis())).await(10, TimeUnit.SECONDS);
  }

  /** Every state's gauge equals the registry's count of unfinished instances in it (cross-component work settles first). */
  private static void assertMatches(Metrics metrics, LocalComponentRegistry registry, List<Component> components)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 3000;
    while (true) {
      Map<String, Long> listed = registry.listInstances(new InstanceQuery(null, null, null, null, 100_000)).stream()
          .filter(v -> !v.finished())
          .collect(Collectors.groupingBy(RuntimeMetricsTest::key, Collectors.counting()));
      Scrape scrape = new Scrape(metrics.scrapeNow());
      try {
        for (Component c : components) {
          for (StateMachine m : c.stateMachines()) {
            for (State s : m.states()) {
              assertThat(scrape.value("xcomponent_instances_live", "component", c.name(), "machine", m.name(),
                  "state", s.name()))
                  .as(c.name() + "/" + m.name() + "/" + s.name())
                  .isEqualTo((double) listed.getOrDefault(c.name() + "/" + m.name() + "/" + s.name(), 0L));
            }
          }
        }
        return;
      } catch (AssertionError e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  private static String key(InstanceView v) {
    return v.componentName() + "/" + v.machineName() + "/" + v.currentState();
  }
}
