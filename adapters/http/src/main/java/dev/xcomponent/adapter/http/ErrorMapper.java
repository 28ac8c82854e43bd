package dev.xcomponent.adapter.http;

import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {@code {"error": message, "code": CODE}} with a
 * fitting status, never a stack trace.
 *
 * <p>Registry failures map by {@link dev.xcomponent.port.ErrorCode}: unknown component, machine or
 * instance → 404; finished instance → 409; invalid request → 400; full queue or unavailable runtime
 * → 503; failed user code → 500. A body that is not JSON → 400 {@code INVALID_JSON}; a body over
 * the limit → 413 {@code PAYLOAD_TOO_LARGE}; no route → 404 {@code NOT_FOUND}. Anything else is a
 * bug: it is logged here and the caller gets 500 {@code INTERNAL_ERROR} with a generic message.
 */
public final class ErrorMapper implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private final long maxBodyBytes;

  /** A mapper that names {@code maxBodyBytes} in its 413 message. */
  public ErrorMapper(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * An error answer.
   *
   * @param status HTTP status
   * @param code stable code
   * @param message text safe to show to the caller
   */
  public record ApiError(int status, String code, String message) {
    /** The response body. */
    public JsonObject toJson() {
      return new JsonObject().put("error", message).put("code", code);
    }

    /** True when the failure is ours rather than the caller's. */
    public boolean serverSide() {
      return status >= 500;
    }
  }

  /** Maps a failure (nullable) and the status the router gave it (-1 when none) to an answer. */
  public ApiError classify(Throwable failure, int status) {
    if (failure instanceof ApiException e) {
      return new ApiError(e.status(), e.code(), e.getMessage());
    }
    if (failure instanceof RuntimeFailure f) {
      return new ApiError(statusOf(f), f.code().name(), f.getMessage());
    }
    if (failure instanceof DecodeException) {
      return new ApiError(400, ApiException.INVALID_JSON, "Request body is not valid JSON");
    }
    if (failure instanceof HttpException h) {
      return byStatus(h.getStatusCode());
    }
    if (failure == null || (status >= 400 && status < 500)) {
      return byStatus(status);
    }
    return new ApiError(500, "INTERNAL_ERROR", "Internal server error");
  }

  /** The HTTP status of a registry failure. */
  public static int statusOf(RuntimeFailure failure) {
    return switch (failure.code()) {
      case COMPONENT_NOT_FOUND, MACHINE_NOT_FOUND, INSTANCE_NOT_FOUND -> 404;
      case INSTANCE_FINISHED -> 409;
      case INVALID_REQUEST -> 400;
      case QUEUE_FULL, UNAVAILABLE -> 503;
      case USER_CODE_ERROR -> 500;
    };
  }

  private ApiError byStatus(int status) {
    return switch (status) {
      case 400 -> new ApiError(400, ApiException.INVALID_REQUEST, "Bad request");
      case 404 -> new ApiError(404, "NOT_FOUND", "Not found");
      case 405 -> new ApiError(405, "METHOD_NOT_ALLOWED", "Method not allowed");
      case 406 -> new ApiError(406, "NOT_ACCEPTABLE", "Not acceptable");
      case 413 ->
          new ApiError(
              413,
              "PAYLOAD_TOO_LARGE",
              "Request body is larger than the limit of " + maxBodyBytes + " bytes");
      case 415 -> new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type");
      default ->
          status >= 400 && status < 500
              ? new ApiError(status, ApiException.INVALID_REQUEST, "Bad request")
              : new ApiError(500, "INTERNAL_ERROR", "Internal server error");
    };
  }

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ApiError error = classify(failure, ctx.statusCode());
    if (error.code().equals("INTERNAL_ERROR")) {
      LOG.error(
          "Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
    } else if (error.serverSide()) {
      LOG.warn(
          "{} {} answered {}: {}",
          ctx.request().method(),
          ctx.request().path(),
          error.code(),
          error.message());
    }
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    response.setStatusCode(error.status()).putHeader("Content-Type", "application/json");
    response.end(error.toJson().encode());
  }
}
