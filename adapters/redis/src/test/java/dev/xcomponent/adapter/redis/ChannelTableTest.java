package dev.xcomponent.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The channel table's bookkeeping, driven by hand: commands sent, confirmations and messages received. */
class ChannelTableTest {
  private final ChannelTable table = new ChannelTable(1_000);
  private final FakeConnection wire = new FakeConnection();

  @Test
  void aChannelIsSubscribedOnceAndItsListenersWaitForTheConfirmation() {
    table.connected(wire);
    Listener a = new Listener();
    Listener b = new Listener();
    Future<Void> first = table.add("fsm:x", a);
    Future<Void> second = table.add("fsm:x", b);
    assertThat(wire.sent).containsExactly("SUBSCRIBE fsm:x");
    assertThat(first.isComplete()).isFalse();
    assertThat(second.isComplete()).isFalse();
    table.received(wire, push("subscribe", "fsm:x", "1"));
    assertThat(first.succeeded()).isTrue();
    assertThat(second.succeeded()).isTrue();
    assertThat(table.add("fsm:x", new Listener()).succeeded()).isTrue();
    assertThat(wire.sent).hasSize(1);
  }

  @Test
  void theLastListenerLeavingUnsubscribesAndAListenerComingBackMeanwhileWaitsForANewSubscribe() {
    table.connected(wire);
    Listener a = new Listener();
    table.add("ch", a);
    table.received(wire, push("subscribe", "ch", "1"));
    table.remove("ch", a);
    assertThat(wire.sent).containsExactly("SUBSCRIBE ch", "UNSUBSCRIBE ch");
    Listener b = new Listener();
    Future<Void> back = table.add("ch", b);
    assertThat(back.isComplete()).isFalse();
    table.received(wire, push("unsubscribe", "ch", "0"));
    assertThat(wire.sent).containsExactly("SUBSCRIBE ch", "UNSUBSCRIBE ch", "SUBSCRIBE ch");
    table.received(wire, push("subscribe", "ch", "1"));
    assertThat(back.succeeded()).isTrue();
    table.remove("ch", b);
    table.received(wire, push("unsubscribe", "ch", "0"));
    assertThat(table.names()).isEmpty();
  }

  @Test
  void everyListenerGetsItsOwnCopyAndMalformedOrForeignPayloadsAreDropped() {
    table.connected(wire);
    Listener a = new Listener();
    Listener b = new Listener();
    table.add("ch", a);
    table.add("ch", b);
    table.received(wire, push("subscribe", "ch", "1"));
    table.received(wire, push("message", "ch", "not json"));
    table.received(wire, push("message", "other", "{\"n\":0}"));
    table.received(new FakeConnection(), push("message", "ch", "{\"n\":9}"));
    table.received(wire, push("message", "ch", "{\"n\":1,\"big\":\"" + "x".repeat(1_000) + "\"}"));
    table.received(wire, push("message", "ch", "{\"n\":2}"));
    assertThat(a.got).containsExactly(Map.of("n", 2));
    assertThat(b.got).containsExactly(Map.of("n", 2));
    assertThat(a.got.get(0)).isNotSameAs(b.got.get(0));
  }

  @Test
  void aLostConnectionRefusesWaitingListenersKeepsTheOthersAndResubscribesThemOnTheNextOne() {
    table.connected(wire);
    Listener confirmed = new Listener();
    Listener waiting = new Listener();
    table.add("kept", confirmed);
    table.received(wire, push("subscribe", "kept", "1"));
    Future<Void> pending = table.add("pending", waiting);
    table.lost();
    assertThat(pending.failed()).isTrue();
    assertThat(pending.cause()).hasMessageContaining("lost");
    assertThat(table.names()).containsExactly("kept");

    FakeConnection next = new FakeConnection();
    Future<Void> restored = table.connected(next);
    assertThat(next.sent).containsExactly("SUBSCRIBE kept");
    assertThat(restored.isComplete()).isFalse();
    table.received(wire, push("subscribe", "kept", "1")); // the old connection no longer counts
    assertThat(restored.isComplete()).isFalse();
    table.received(next, push("subscribe", "kept", "1"));
    assertThat(restored.succeeded()).isTrue();
    table.received(next, push("message", "kept", "{\"n\":3}"));
    assertThat(confirmed.got).containsExactly(Map.of("n", 3));
  }

  @Test
  void aRefusedSubscriptionFailsItsWaitersAndLaterConfirmationsStillMatchTheirCommands() {
    table.connected(wire);
    Future<Void> denied = table.add("secret", new Listener());
    Future<Void> allowed = table.add("public", new Listener());
    table.received(wire, new Reply(ResponseType.ERROR, "NOPERM this user has no permissions to access the 'secret' channel"));
    assertThat(denied.failed()).isTrue();
    assertThat(denied.cause()).hasMessageContaining("secret").hasMessageContaining("NOPERM");
    assertThat(table.names()).containsExactly("public");
    table.received(wire, push("subscribe", "public", "1"));
    assertThat(allowed.succeeded()).isTrue();
  }

  @Test
  void clearingStopsEveryListenerAndRefusesThoseStillWaiting() {
    table.connected(wire);
    Listener a = new Listener();
    Future<Void> pending = table.add("ch", a);
    table.clear();
    assertThat(pending.failed()).isTrue();
    assertThat(a.active).isFalse();
    assertThat(table.names()).isEmpty();
    assertThat(table.add("ch", new Listener()).failed()).isTrue();
  }

  private static Response push(String... parts) {
    List<Response> items = new ArrayList<>();
    for (String p : parts) {
      items.add(new Reply(ResponseType.BULK, p));
    }
    return new Reply(ResponseType.PUSH, null, items);
  }

  /** A reply: a bulk string, an error, or a push made of bulk strings. */
  private record Reply(ResponseType type, String text, List<Response> items) implements Response {
    Reply(ResponseType type, String text) {
      this(type, text, List.of());
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public Buffer toBuffer() {
      return Buffer.buffer(text);
    }

    @Override
    public Response get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }
  }

  private static final class Listener implements ChannelListener {
    final List<Map<String, Object>> got = new CopyOnWriteArrayList<>();
    boolean active = true;

    @Override
    public void onMessage(Incoming message) {
      got.add(message.message());
    }

    @Override
    public void deactivate() {
      active = false;
    }
  }

  /** Records the commands sent, as {@code COMMAND arg…}; every write succeeds. */
  private static final class FakeConnection implements RedisConnection {
    final List<String> sent = new ArrayList<>();

    @Override
    public Future<Response> send(Request request) {
      // the RESP form: *n, then $len and the text for the command and each argument
      String[] lines = request.toString().split("\r\n");
      List<String> words = new ArrayList<>();
      for (int i = 2; i < lines.length; i += 2) {
        words.add(lines[i]);
      }
      words.set(0, words.get(0).toUpperCase());
      sent.add(String.join(" ", words));
      return Future.succeededFuture();
    }

    @Override
    public Future<List<Response>> batch(List<Request> requests) {
      return Future.failedFuture("not used");
    }

    @Override
    public RedisConnection exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public RedisConnection handler(Handler<Response> handler) {
      return this;
    }

    @Override
    public RedisConnection pause() {
      return this;
    }

    @Override
    public RedisConnection resume() {
      return this;
    }

    @Override
    public RedisConnection fetch(long amount) {
      return this;
    }

    @Override
    public RedisConnection endHandler(Handler<Void> handler) {
      return this;
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }

    @Override
    public boolean pendingQueueFull() {
      return false;
    }

    @Override
    public String toString() {
      return "fake " + Arrays.toString(sent.toArray());
    }
  }
}
