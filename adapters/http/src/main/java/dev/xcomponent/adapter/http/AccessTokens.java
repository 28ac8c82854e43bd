package dev.xcomponent.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer tokens that guard the API and the WebSocket. With no operator token, access is open
 * (the default, as in the reference). With one, every {@code /api} request and the WebSocket
 * handshake must present a token: the operator token may do everything, the viewer token only
 * reads (a viewer cannot create instances, fire events or broadcast). Tokens are compared in
 * constant time and never logged.
 *
 * @param operator the token that may read and write, or null for open access
 * @param viewer the read-only token, or null
 */
public record AccessTokens(String operator, String viewer) {
  /** The shortest token accepted: a guessable token is refused at start-up. */
  public static final int MIN_LENGTH = 16;

  /** Open access. */
  public static final AccessTokens OPEN = new AccessTokens(null, null);

  public AccessTokens {
    operator = blankToNull(operator);
    viewer = blankToNull(viewer);
    if (viewer != null && operator == null) {
      throw new IllegalArgumentException("a viewer token needs an operator token (API_TOKEN) too");
    }
    for (String t : new String[] {operator, viewer}) {
      if (t != null && (t.length() < MIN_LENGTH || t.chars().anyMatch(c -> c <= ' ' || c > '~'))) {
        throw new IllegalArgumentException("tokens must be at least " + MIN_LENGTH
            + " printable ASCII characters without spaces");
      }
    }
    if (operator != null && operator.equals(viewer)) {
      throw new IllegalArgumentException("the viewer token must differ from the operator token");
    }
  }

  /** Whether requests must present a token. */
  public boolean required() {
    return operator != null;
  }

  /** What {@code presented} allows. */
  public Access check(String presented) {
    if (!required()) {
      return Access.OPERATOR;
    }
    if (presented == null) {
      return Access.NONE;
    }
    if (same(presented, operator)) {
      return Access.OPERATOR;
    }
    return viewer != null && same(presented, viewer) ? Access.VIEWER : Access.NONE;
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** What a request may do. */
  public enum Access {
    NONE,
    VIEWER,
    OPERATOR
  }
}
