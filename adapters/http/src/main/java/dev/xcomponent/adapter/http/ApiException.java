package dev.xcomponent.adapter.http;

import java.util.Objects;

/**
 * A request the API refuses on its own, before or instead of asking the registry: it carries the
 * HTTP status, the stable code and a message safe to show to the caller. Created without a stack
 * trace, since it reports bad input rather than a bug.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Code of a request whose body or parameters are wrong. */
  public static final String INVALID_REQUEST = "INVALID_REQUEST";

  /** Code of a body that is not JSON. */
  public static final String INVALID_JSON = "INVALID_JSON";

  private final int status;
  private final String code;

  /** An error answered with {@code status} and {@code code}. */
  public ApiException(int status, String code, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
  }

  /** A 400 INVALID_REQUEST error. */
  public static ApiException invalid(String message) {
    return new ApiException(400, INVALID_REQUEST, message);
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** The stable error code. */
  public String code() {
    return code;
  }
}
