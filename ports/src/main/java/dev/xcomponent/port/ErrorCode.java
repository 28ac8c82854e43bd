package dev.xcomponent.port;

/** Stable error codes returned to callers (HTTP {@code code} field, CLI messages). */
public enum ErrorCode {
  COMPONENT_NOT_FOUND,
  MACHINE_NOT_FOUND,
  INSTANCE_NOT_FOUND,
  /** The instance reached a final or error state: it takes no more events. */
  INSTANCE_FINISHED,
  /** The request is malformed: missing event type, wrong JSON type, too large… */
  INVALID_REQUEST,
  /** The instance already has as many waiting events as the queue limit allows. */
  QUEUE_FULL,
  /** A user hook failed and the component aborts on hook errors. */
  USER_CODE_ERROR,
  /** The runtime is stopping or not started. */
  UNAVAILABLE;

  /** Whether the same request may succeed later unchanged (a full queue, a store or runtime away). */
  public boolean retryable() {
    return this == QUEUE_FULL || this == UNAVAILABLE;
  }
}
