package dev.xcomponent.app;

/**
 * A command could not do its job for a reason the user can act on (a file with errors, an unknown
 * machine, a port already taken). It carries the exit code the process ends with: 1 for a failed
 * job, 2 for bad configuration. The message is printed as is, without a stack trace.
 */
public final class CliException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** A failure ending the process with {@code exitCode}. */
  public CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** The process exit code: 1 for a failed job, 2 for bad configuration. */
  public int exitCode() {
    return exitCode;
  }
}
