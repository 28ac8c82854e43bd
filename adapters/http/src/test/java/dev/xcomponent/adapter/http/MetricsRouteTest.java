package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.port.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /metrics} serves what the {@link MetricsEndpoint} scrapes, with its content type,
 * without a token even when the API needs one; a failed scrape is a JSON 500 and a server without
 * an endpoint answers a JSON 404.
 */
@ExtendWith(VertxExtension.class)
class MetricsRouteTest {
  private static final String TOKEN = "operator-token-0123456789";

  private Vertx vertx;
  private LocalComponentRegistry registry;
  private WebClient client;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    registry = ApiServer.await(LocalComponentRegistry.start(vertx, List.of(Fixtures.shop()), new HandlerRegistry(),
        new DroppingBroker(), RuntimeSettings.defaults().withPartitions(1)));
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    client.close();
    ApiServer.await(registry.stop());
  }

  private HttpResponse<Buffer> get(MetricsEndpoint metrics, String path) {
    HttpSettings settings = HttpSettings.defaults().withAddress("127.0.0.1", 0)
        .withAccess(new AccessTokens(TOKEN, null));
    HttpApiVerticle verticle = new HttpApiVerticle(registry, settings, metrics);
    ApiServer.await(vertx.deployVerticle(verticle));
    return ApiServer.await(client.get(verticle.actualPort(), "127.0.0.1", path).send());
  }

  @Test
  void servesTheScrapeWithoutAToken() {
    HttpResponse<Buffer> r = get(() -> Future.succeededFuture("xcomponent_up 1.0\n"), "/metrics");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).isEqualTo(MetricsEndpoint.PROMETHEUS_TEXT);
    assertThat(r.bodyAsString()).isEqualTo("xcomponent_up 1.0\n");
  }

  @Test
  void theApiStillNeedsTheToken() {
    assertThat(get(() -> Future.succeededFuture(""), "/api/components").statusCode()).isEqualTo(401);
  }

  @Test
  void aFailedScrapeIsAJsonError() {
    HttpResponse<Buffer> r = get(() -> Future.failedFuture(new IllegalStateException("registry closed")), "/metrics");

    ApiServer.error(r, 500, "INTERNAL_ERROR");
  }

  @Test
  void withoutAnEndpointTheRouteIsNotFound() {
    ApiServer.error(get(null, "/metrics"), 404, "NOT_FOUND");
  }
}
