package dev.xcomponent.examples.trading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.examples.testkit.RecordingSender;
import dev.xcomponent.examples.testkit.TestHookCall;
import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.Sender;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TradingHandlersTest {
  private static final Pattern HOOK =
      Pattern.compile("^\\s*(?:onEntry|onExit|triggeredMethod):\\s*(\\w+)\\s*$", Pattern.MULTILINE);

  private final HandlerRegistry registry = new HandlerRegistry();
  private final RecordingSender sender = new RecordingSender();

  TradingHandlersTest() {
    new TradingHandlers(() -> 42L).register(registry);
  }

  @Test
  void serviceLoaderFindsTheProvider() {
    List<HandlerProvider> providers =
        ServiceLoader.load(HandlerProvider.class).stream().map(ServiceLoader.Provider::get).toList();

    assertThat(providers).hasExactlyElementsOfTypes(TradingHandlers.class);
  }

  @Test
  void registersExactlyTheMethodsTheComponentFileNames() throws IOException {
    Set<String> named = new TreeSet<>();
    Matcher m = HOOK.matcher(Files.readString(Path.of("trading-component.yaml")));
    while (m.find()) {
      named.add(m.group(1));
    }

    assertThat(registry.methods()).containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void riskCheckAcceptsAValidOrderAndDerivesTheRoutingFieldOfItsSide() {
    TestHookCall call = submit(Map.of("symbol", "ACME", "side", "sell", "limitPrice", 12.5, "quantity", 4));

    assertThat(run(RiskCheck.METHOD, call).succeeded()).isTrue();

    assertThat(sender.sent()).extracting(Event::type).containsExactly("ACCEPT");
    assertThat(sender.sent().get(0).timestamp()).isEqualTo(42L);
    assertThat(call.data())
        .containsEntry("side", "SELL")
        .containsEntry("sellLimit", 12.5)
        .containsEntry("notional", 50.0)
        .doesNotContainKey("buyLimit");
  }

  @Test
  void riskCheckRejectsWithAReason() {
    Map<String, Map<String, Object>> cases =
        Map.of(
            "missing symbol", Map.of("side", "BUY", "limitPrice", 1, "quantity", 1),
            "side must be BUY or SELL", Map.of("symbol", "X", "side", "SHORT", "limitPrice", 1, "quantity", 1),
            "limitPrice must be a positive number", Map.of("symbol", "X", "side", "BUY", "limitPrice", 0, "quantity", 1),
            "quantity must be a positive number", Map.of("symbol", "X", "side", "BUY", "limitPrice", 1, "quantity", "ten"),
            "exceeds the limit", Map.of("symbol", "X", "side", "BUY", "limitPrice", 1_000_001, "quantity", 1));
    cases.forEach(
        (reason, data) -> {
          sender.clear();
          TestHookCall call = submit(data);
          assertThat(run(RiskCheck.METHOD, call).succeeded()).isTrue();
          assertThat(sender.sent()).extracting(Event::type).as(reason).containsExactly("REJECT");
          assertThat(sender.sent().get(0).payload().get("reason")).asString().as(reason).contains(reason);
          assertThat(call.data()).as(reason).doesNotContainKeys("buyLimit", "sellLimit");
        });
  }

  @Test
  void recordFillKeepsTheExecutionPriceAndTime() {
    TestHookCall call =
        triggered(
            OrderHooks.RECORD_FILL, "Working", Event.of("MARKET_PRICE", Map.of("instrument", "ACME", "price", 9.75), 1L),
            Map.of("orderId", "O-1"), sender);

    assertThat(run(OrderHooks.RECORD_FILL, call).succeeded()).isTrue();

    assertThat(call.data()).containsEntry("executionPrice", 9.75).containsEntry("filledAt", 42L);
  }

  @Test
  void amendmentMovesTheLimitOfTheOrdersSideOrFails() {
    Map<String, Object> order = Map.of("side", "BUY", "limitPrice", 10.0, "buyLimit", 10.0, "quantity", 3);
    TestHookCall ok = amend(order, Map.of("limitPrice", 11));
    assertThat(run(OrderHooks.APPLY_AMENDMENT, ok).succeeded()).isTrue();
    assertThat(ok.data()).containsEntry("buyLimit", 11.0).containsEntry("limitPrice", 11.0).containsEntry("notional", 33.0);

    Future<Void> bad = run(OrderHooks.APPLY_AMENDMENT, amend(order, Map.of("limitPrice", "cheap")));
    assertThat(bad.failed()).isTrue();
    assertThat(bad.cause()).hasMessageContaining("limitPrice must be a positive number");
  }

  @Test
  void logHooksSucceedWithoutSendingAnything() {
    for (String hook : TradingHandlers.LOG_HOOKS) {
      TestHookCall call =
          new TestHookCall(
              HookKind.ENTRY, hook, "TradingComponent", "Trade", "t-1", "Settled",
              Event.of("SETTLEMENT_CONFIRMED", Map.of(), 1L), new HashMap<>(Map.of("orderId", "O-1")), sender);
      assertThat(run(hook, call).succeeded()).as(hook).isTrue();
    }
    assertThat(sender.sent()).isEmpty();
    assertThat(sender.sentLater()).isEmpty();
  }

  private TestHookCall submit(Map<String, Object> data) {
    return triggered(RiskCheck.METHOD, "New", Event.of("SUBMIT", Map.of(), 1L), data, sender);
  }

  private TestHookCall amend(Map<String, Object> order, Map<String, Object> payload) {
    return triggered(OrderHooks.APPLY_AMENDMENT, "Working", Event.of("AMEND", payload, 1L), order, sender);
  }

  private Future<Void> run(String method, TestHookCall call) {
    return registry.get(method).handle(call);
  }

  /** A triggered-method call of {@code method} for {@code event} on an order holding {@code data}. */
  private static TestHookCall triggered(String method, String state, Event event, Map<String, Object> data, Sender sender) {
    return new TestHookCall(
        HookKind.TRIGGERED, method, "TradingComponent", "Order", "order-1", state, event, new HashMap<>(data), sender);
  }
}
