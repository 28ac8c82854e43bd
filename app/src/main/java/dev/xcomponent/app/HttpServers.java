package dev.xcomponent.app;

import dev.xcomponent.adapter.http.AccessTokens;
import dev.xcomponent.adapter.http.HttpApiVerticle;
import dev.xcomponent.adapter.http.HttpSettings;
import dev.xcomponent.adapter.http.MetricsEndpoint;
import dev.xcomponent.port.ComponentRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Starts the HTTP API and dashboard of a process: one server per core on the same port (Vert.x
 * shares it between them); a random port (0, used by tests) is served by one server only.
 */
final class HttpServers {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private HttpServers() {}

  /** Running HTTP servers: the port they listen on and their deployments. */
  record Http(int port, java.util.List<String> deployments) {
    /** No HTTP server. */
    static final Http NONE = new Http(0, java.util.List.of());

    /** Stops accepting connections (the first step of a graceful stop); waits at most 30 s. */
    void stop(Vertx vertx) throws CliException {
      for (String id : deployments) {
        Blocking.await(vertx.undeploy(id), LIMIT, "stopping the HTTP API");
      }
    }
  }

  /**
   * Starts the servers, with {@code metrics} (nullable) at {@code GET /metrics}; returns the port
   * they listen on and their deployments.
   */
  static Http start(Vertx vertx, ComponentRegistry registry, String host, int port, String mode, String broker,
      boolean store, AccessTokens access, MetricsEndpoint metrics) throws CliException {
    HttpSettings http = new HttpSettings(host, port, HttpSettings.DEFAULT_MAX_BODY_BYTES, mode, broker, store,
        HttpSettings.DEFAULT_MAX_LIST_LIMIT).withAccess(access);
    HttpApiVerticle api = new HttpApiVerticle(registry, http, metrics);
    java.util.List<String> ids = new java.util.ArrayList<>();
    ids.add(Blocking.await(vertx.deployVerticle(api), LIMIT, "starting the HTTP API on " + host + ":" + port));
    int more = port == 0 ? 0 : Runtime.getRuntime().availableProcessors() - 1;
    if (more > 0) {
      HttpSettings same = http.withAddress(host, api.actualPort());
      ids.add(Blocking.await(
          vertx.deployVerticle(() -> new HttpApiVerticle(registry, same, metrics),
              new DeploymentOptions().setInstances(more)),
          LIMIT, "starting the HTTP API on " + host + ":" + api.actualPort()));
    }
    return new Http(api.actualPort(), java.util.List.copyOf(ids));
  }
}
