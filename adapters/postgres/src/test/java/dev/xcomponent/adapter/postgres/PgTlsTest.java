package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ssl modes, against a TLS front that speaks PostgreSQL's SSLRequest and relays the decrypted
 * stream to the test server (which itself runs without TLS). Its certificate is self-signed for
 * {@code localhost}.
 */
class PgTlsTest {
  private static final int SSL_REQUEST_CODE = 80877103;
  private static Vertx vertx;
  private static SelfSignedCertificate certificate;
  private static NetServer front;
  private static NetClient client;
  private static final AtomicInteger TLS_SESSIONS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    certificate = SelfSignedCertificate.create("localhost");
    client = vertx.createNetClient();
    PgSettings real = PgTestDatabase.settings();
    front = vertx.createNetServer(new NetServerOptions().setKeyCertOptions(certificate.keyCertOptions()))
        .connectHandler(in -> {
          Buffer first = Buffer.buffer();
          in.handler(chunk -> {
            first.appendBuffer(chunk);
            if (first.length() < 8) {
              return;
            }
            in.handler(null);
            if (first.getInt(4) != SSL_REQUEST_CODE) {
              in.close(); // this front only speaks TLS
              return;
            }
            // Write the answer and install TLS in the same event-loop turn: waiting for the write
            // to complete first leaves a window where the client's hello arrives as plain data.
            in.write(Buffer.buffer("S"));
            in.upgradeToSsl()
                .compose(v -> {
                  in.pause(); // hold the client's first message until the server side is there
                  return client.connect(real.port(), real.host());
                })
                .onSuccess(out -> {
                  TLS_SESSIONS.incrementAndGet();
                  relay(in, out);
                  relay(out, in);
                  in.resume();
                })
                .onFailure(e -> in.close());
          });
        })
        .listen(0, "localhost").await(10, TimeUnit.SECONDS);
  }

  private static void relay(NetSocket from, NetSocket to) {
    from.handler(to::write);
    from.closeHandler(v -> to.close());
  }

  @AfterAll
  static void stop() throws Exception {
    front.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
    certificate.delete();
  }

  private static PgSettings settings(String host, String params) {
    PgSettings real = PgTestDatabase.settings();
    String password = real.password() == null ? "" : ":" + real.password();
    return PgSettings.parse("postgresql://" + real.user() + password + "@" + host + ":" + front.actualPort() + "/"
        + real.database() + "?" + params + "&connect_timeout=30");
  }

  private static void assertWorks(PgSettings settings) throws Exception {
    int before = TLS_SESSIONS.get();
    PgEventStore store = connectThroughFront(settings);
    try {
      String id = UUID.randomUUID().toString();
      StoredEvent e = new StoredEvent(UUID.randomUUID().toString(), id, 1, "C", "M", StoredEvent.INSTANCE_CREATED,
          Map.of(), "", "S", Map.of("tls", true), null, Map.of("tls", true), "active", -1, null, "c", null, null, 1);
      store.append(List.of(e), List.of()).await(10, TimeUnit.SECONDS);
      assertThat(store.events(id, 0).await(10, TimeUnit.SECONDS)).hasSize(1);
    } finally {
      store.close().await(10, TimeUnit.SECONDS);
    }
    assertThat(TLS_SESSIONS.get()).as("connections went through TLS").isGreaterThan(before);
  }

  /**
   * Connects through the test's TLS front. The front (a relay written for this test, not product
   * code) can lose a client hello that arrives in the instant between its plain-text answer and
   * its switch to TLS; the driver then times out the handshake. That is the front's race, so a
   * connection is tried up to three times; the store's own behaviour per ssl mode is what is
   * asserted.
   */
  private static PgEventStore connectThroughFront(PgSettings settings) throws Exception {
    AssertionError last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return PgTestDatabase.connect(vertx, settings);
      } catch (AssertionError e) {
        last = e;
      }
    }
    throw last;
  }

  private static void assertRefused(PgSettings settings) {
    Throwable t = catchThrowable(() -> PgEventStore.connect(vertx, settings).await(20, TimeUnit.SECONDS));
    assertThat(t).isInstanceOf(StoreFailure.class);
    assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
    assertThat(t.getMessage()).endsWith("TLS handshake failed");
  }

  @Test
  void requireEncryptsWithoutCheckingTheCertificate() throws Exception {
    assertWorks(settings("127.0.0.1", "sslmode=require"));
  }

  @Test
  void verifyCaAcceptsACertificateSignedByTheGivenRoot() throws Exception {
    assertWorks(settings("127.0.0.1", "sslmode=verify-ca&sslrootcert=" + certificate.certificatePath()));
  }

  @Test
  void verifyCaRefusesACertificateTheJvmDoesNotTrust() {
    assertRefused(settings("127.0.0.1", "sslmode=verify-ca"));
  }

  @Test
  void verifyFullChecksTheHostName() throws Exception {
    assertWorks(settings("localhost", "sslmode=verify-full&sslrootcert=" + certificate.certificatePath()));
    assertRefused(settings("127.0.0.1", "sslmode=verify-full&sslrootcert=" + certificate.certificatePath()));
  }
}
