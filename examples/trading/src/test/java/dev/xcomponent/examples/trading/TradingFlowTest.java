package dev.xcomponent.examples.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xcomponent.examples.testkit.ExampleRuntime;
import dev.xcomponent.port.BroadcastResult;
import dev.xcomponent.port.ErrorCode;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code trading-component.yaml} end to end on the real runtime, with the plugin found by
 * ServiceLoader and every timeout divided by {@link ExampleRuntime#TIME_SCALE}: an order expires
 * after 450 ms, a trade fails 300 ms after its fill.
 */
class TradingFlowTest {
  private static final String TRADING = "TradingComponent";

  private ExampleRuntime rt;

  @BeforeEach
  void start() throws Exception {
    rt = ExampleRuntime.start("trading-component.yaml");
  }

  @AfterEach
  void stop() throws Exception {
    rt.close();
  }

  @Test
  void buyOrderFillsOnACrossingPriceThenClosesOnceItsTradeSettles() throws Exception {
    String order = workingOrder("ORD-1", "alice", "ACME", "buy", 100.0, 50);
    assertThat(rt.view(order).data())
        .containsEntry("side", "BUY")
        .containsEntry("buyLimit", 100.0)
        .containsEntry("notional", 5000.0)
        .doesNotContainKey("sellLimit");

    // Above the limit: no buy order of ACME accepts it.
    assertThat(price("ACME", 100.5)).isEqualTo(new BroadcastResult(0, 0));
    assertThat(rt.state(order)).isEqualTo("Working");

    assertThat(price("ACME", 99.5)).isEqualTo(new BroadcastResult(1, 1));
    InstanceView filled = rt.awaitState(order, "Filled");
    assertThat(filled.data()).containsEntry("executionPrice", 99.5).containsKey("filledAt");

    // The fill spawned a Trade at the market price, linked to the order.
    InstanceView trade = rt.awaitInstance(TRADING, "Trade", "orderId", "ORD-1");
    assertThat(trade.currentState()).isEqualTo("PendingSettlement");
    assertThat(trade.parentInstanceId()).isEqualTo(order);
    assertThat(trade.data())
        .isEqualTo(
            Map.of("orderId", "ORD-1", "traderId", "alice", "symbol", "ACME", "side", "BUY", "quantity", 50, "price", 99.5));

    // The clearing house confirms by orderId; the trade tells its order.
    assertThat(rt.broadcast(TRADING, "Trade", "SETTLEMENT_CONFIRMED", Map.of("orderId", "ORD-1")).processed())
        .isEqualTo(1);
    assertThat(rt.awaitState(trade.id(), "Settled").finished()).isTrue();
    InstanceView closed = rt.awaitState(order, "Closed");
    assertThat(closed.status()).isEqualTo("completed");
    assertThat(closed.data()).containsEntry("childInstanceId", trade.id());
  }

  @Test
  void priceBroadcastFillsOnlyTheOrdersOfThatSymbolWhoseLimitItCrosses() throws Exception {
    String buyAt100 = workingOrder("B-100", "alice", "ACME", "BUY", 100.0, 10);
    String buyAt98 = workingOrder("B-98", "alice", "ACME", "BUY", 98.0, 10);
    String sellAt99 = workingOrder("S-99", "bob", "ACME", "SELL", 99.0, 10);
    String sellAt101 = workingOrder("S-101", "bob", "ACME", "SELL", 101.0, 10);
    String otherSymbol = workingOrder("B-GLX", "carol", "GLOBEX", "BUY", 100.0, 10);

    // 99 crosses the buy limit of 100 (100 >= 99) and the sell limit of 99 (99 <= 99), nothing else.
    assertThat(price("ACME", 99)).isEqualTo(new BroadcastResult(2, 2));

    assertThat(rt.awaitState(buyAt100, "Filled").data()).containsEntry("executionPrice", 99);
    assertThat(rt.awaitState(sellAt99, "Filled").data()).containsEntry("executionPrice", 99);
    assertThat(List.of(rt.state(buyAt98), rt.state(sellAt101), rt.state(otherSymbol)))
        .containsOnly("Working");
    rt.awaitInstance(TRADING, "Trade", "orderId", "B-100");
    rt.awaitInstance(TRADING, "Trade", "orderId", "S-99");
    assertThat(rt.instances(TRADING, "Trade")).hasSize(2);
  }

  @Test
  void priceSentStraightToAnOrderOnlyFillsItWhenItCrossesTheLimit() throws Exception {
    String order = workingOrder("ORD-D", "alice", "ACME", "BUY", 100.0, 10);

    EventOutcome tooHigh = rt.send(order, "MARKET_PRICE", Map.of("instrument", "ACME", "price", 120.0));
    assertThat(tooHigh.currentState()).isEqualTo("Working");
    assertThat(tooHigh.instance().data()).containsEntry("price", 120.0).containsEntry("symbol", "ACME");

    EventOutcome otherSymbol = rt.send(order, "MARKET_PRICE", Map.of("instrument", "GLOBEX", "price", 1.0));
    assertThat(otherSymbol.currentState()).isEqualTo("Working");
    assertThat(otherSymbol.instance().data()).containsEntry("symbol", "ACME");

    assertThat(rt.send(order, "MARKET_PRICE", Map.of("instrument", "ACME", "price", 97.0)).currentState())
        .isEqualTo("Filled");
  }

  @Test
  void unfilledOrderExpiresAndAmendingDoesNotExtendItsLife() throws Exception {
    String order = workingOrder("ORD-EXP", "alice", "ACME", "SELL", 150.0, 10);
    long start = System.nanoTime();
    // Amend every 100 ms for up to 3 s: had an amendment restarted the 450 ms timer, the order
    // would still be working at the end.
    double limit = 150.0;
    while (!rt.view(order).finished() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
      limit += 1;
      try {
        rt.send(order, "AMEND", Map.of("orderId", "ORD-EXP", "limitPrice", limit));
      } catch (RuntimeFailure finishedMeanwhile) {
        assertThat(finishedMeanwhile.code()).isEqualTo(ErrorCode.INSTANCE_FINISHED);
      }
      Thread.sleep(100);
    }
    InstanceView expired = rt.awaitState(order, "Expired");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
    assertThat(expired.status()).isEqualTo("completed");
    assertThat(expired.data()).containsEntry("reason", "timeout");
    assertThat((Double) expired.data().get("sellLimit")).isGreaterThan(150.0);
    // An expired order no longer takes prices.
    assertThat(price("ACME", 1_000)).isEqualTo(new BroadcastResult(0, 0));
  }

  @Test
  void amendedLimitIsTheOneRoutingUsesAndAnInvalidAmendmentIsRefused() throws Exception {
    String order = workingOrder("ORD-AM", "alice", "ACME", "BUY", 90.0, 10);

    // Amend by broadcasting the orderId, as a client that only knows its order id does.
    assertThat(rt.broadcast(TRADING, "Order", "AMEND", Map.of("orderId", "ORD-AM", "limitPrice", 95.0)).processed())
        .isEqualTo(1);
    assertThat(rt.view(order).data()).containsEntry("limitPrice", 95.0).containsEntry("buyLimit", 95.0);

    assertThatThrownBy(() -> rt.send(order, "AMEND", Map.of("limitPrice", -3)))
        .isInstanceOfSatisfying(
            RuntimeFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.USER_CODE_ERROR))
        .hasMessageContaining("limitPrice must be a positive number");
    assertThat(rt.view(order).data()).containsEntry("buyLimit", 95.0);

    assertThat(price("ACME", 94.0).processed()).isEqualTo(1);
    assertThat(rt.awaitState(order, "Filled").data()).containsEntry("executionPrice", 94.0);
  }

  @Test
  void tradeNotSettledInTimeFailsItsOrder() throws Exception {
    String order = workingOrder("ORD-NS", "alice", "ACME", "BUY", 100.0, 10);
    price("ACME", 100.0);
    InstanceView trade = rt.awaitInstance(TRADING, "Trade", "orderId", "ORD-NS");

    InstanceView failed = rt.awaitState(trade.id(), "Failed");
    assertThat(failed.status()).isEqualTo("error");
    InstanceView orderView = rt.awaitState(order, "SettlementFailed");
    assertThat(orderView.status()).isEqualTo("error");
    // Too late: the confirmation reaches no trade.
    assertThat(rt.broadcast(TRADING, "Trade", "SETTLEMENT_CONFIRMED", Map.of("orderId", "ORD-NS")).processed())
        .isZero();
  }

  @Test
  void riskCheckRejectsOrdersOverTheNotionalLimitOrWithoutAValidSide() throws Exception {
    String huge = submit(order("ORD-BIG", "alice", "ACME", "BUY", 1_000.0, 5_000));
    String noSide = submit(order("ORD-SIDE", "alice", "ACME", "HOLD", 10.0, 1));

    assertThat(rt.awaitState(huge, "Rejected").data().get("reason"))
        .asString()
        .contains("exceeds the limit");
    assertThat(rt.awaitState(noSide, "Rejected").data().get("reason"))
        .asString()
        .contains("side must be BUY or SELL");
  }

  @Test
  void killSwitchCancelsOnlyThatTradersWorkingOrders() throws Exception {
    String a1 = workingOrder("A-1", "alice", "ACME", "BUY", 10.0, 1);
    String a2 = workingOrder("A-2", "alice", "GLOBEX", "SELL", 20.0, 1);
    String b1 = workingOrder("B-1", "bob", "ACME", "BUY", 10.0, 1);
    String b2 = workingOrder("B-2", "bob", "ACME", "BUY", 11.0, 1);

    assertThat(rt.broadcast(TRADING, "Order", "CANCEL_ALL", Map.of("traderId", "alice")))
        .isEqualTo(new BroadcastResult(2, 2));
    assertThat(rt.awaitState(a1, "Cancelled").finished()).isTrue();
    assertThat(rt.awaitState(a2, "Cancelled").finished()).isTrue();

    // One order cancelled by its business id, the other of bob's orders untouched.
    assertThat(rt.broadcast(TRADING, "Order", "CANCEL", Map.of("orderId", "B-2")).processed()).isEqualTo(1);
    rt.awaitState(b2, "Cancelled");
    assertThat(rt.state(b1)).isEqualTo("Working");
  }

  private String workingOrder(String orderId, String trader, String symbol, String side, double limit, int quantity)
      throws Exception {
    String id = submit(order(orderId, trader, symbol, side, limit, quantity));
    rt.awaitState(id, "Working");
    return id;
  }

  private String order(String orderId, String trader, String symbol, String side, double limit, int quantity)
      throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderId", orderId);
    data.put("traderId", trader);
    data.put("symbol", symbol);
    data.put("side", side);
    data.put("limitPrice", limit);
    data.put("quantity", quantity);
    InstanceView created = rt.create(TRADING, "Order", data);
    assertThat(created.currentState()).isEqualTo("New");
    return created.id();
  }

  private String submit(String id) throws Exception {
    assertThat(rt.send(id, "SUBMIT").currentState()).isEqualTo("RiskCheck");
    return id;
  }

  private BroadcastResult price(String symbol, Object price) throws Exception {
    return rt.broadcast(TRADING, "Order", "MARKET_PRICE", Map.of("instrument", symbol, "price", price));
  }
}
