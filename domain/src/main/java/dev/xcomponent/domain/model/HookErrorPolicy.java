package dev.xcomponent.domain.model;

/**
 * What a transition does when a user hook throws, fails or does not answer in time.
 *
 * <p>{@code CONTINUE} (the default, as in the reference): the transition completes, the failing
 * hook's data changes and sent messages are discarded, and a {@code user_code_error} is reported.
 * {@code ABORT}: the instance stays where it was and the caller gets the error.
 */
public enum HookErrorPolicy {
  CONTINUE,
  ABORT
}
