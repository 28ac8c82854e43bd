package dev.xcomponent.adapter.http;

import io.vertx.core.Future;

/**
 * What {@code GET /metrics} serves: the process's metrics in a text format that Prometheus
 * scrapes. The composition root provides it (the HTTP edge knows no metrics library); without one
 * the route answers 404. Like {@code /health}, the route stays open when {@link AccessTokens}
 * guard the API, so scrapers need no token.
 */
@FunctionalInterface
public interface MetricsEndpoint {
  /** The Prometheus text exposition format, version 0.0.4. */
  String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /**
   * The current metrics. Called on an event loop: an implementation that must compute does so
   * elsewhere (a worker) and completes the future from there.
   */
  Future<String> scrape();

  /** The {@code Content-Type} of {@link #scrape()}'s text. */
  default String contentType() {
    return PROMETHEUS_TEXT;
  }
}
