package dev.xcomponent.app;

import java.util.regex.Pattern;

/**
 * Hides credentials in connection URLs before they reach a message or a log:
 * {@code amqp://user:secret@host} becomes {@code amqp://user:***@host}, and {@code password=} or
 * {@code token=} query parameters become {@code password=***}.
 */
public final class Secrets {
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^/@:?#]*):[^@/?#]*@");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)([?&](?:password|passwd|pwd|secret|token|sasl\\.password)=)[^&#]*");

  private Secrets() {}

  /** {@code url} with any password replaced by {@code ***}; null stays null. */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:***@");
    return SECRET_PARAMETER.matcher(masked).replaceAll("$1***");
  }
}
