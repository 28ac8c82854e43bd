package dev.xcomponent.port;

import java.util.Objects;

/**
 * A failure of an event or snapshot store, with the reason a caller acts on. Created without a
 * stack trace: these are expected outcomes.
 */
public final class StoreFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a store operation failed. */
  public enum Reason {
    /** An event with the same (instance, sequence) already exists: another writer won. */
    CONFLICT,
    /**
     * The store could not be reached or did not answer in time. The write may or may not have
     * landed: a retry with the same idempotency key (or sequence number) is safe, and the runtime
     * reads the store back before it writes again for that instance.
     */
    UNAVAILABLE,
    /** The store refused the data (too large, malformed). */
    REJECTED
  }

  private final Reason reason;

  public StoreFailure(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public StoreFailure(Reason reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
