package dev.xcomponent.app;

/**
 * The command line itself is wrong: an unknown command or option, a missing argument, or a value
 * that cannot be parsed. The CLI prints the message with the command's usage and exits with 2.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A usage error explained by {@code message}. */
  public UsageException(String message) {
    super(message, null, false, false);
  }
}
