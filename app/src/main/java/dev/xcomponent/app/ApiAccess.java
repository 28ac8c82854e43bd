package dev.xcomponent.app;

import dev.xcomponent.adapter.http.AccessTokens;
import java.util.Map;

/**
 * Reads the API's bearer tokens: {@code API_TOKEN} (may read and write) and {@code
 * API_VIEWER_TOKEN} (read only). Neither set: open access, as in the reference.
 */
final class ApiAccess {
  private ApiAccess() {}

  /** @throws CliException (exit code 2) when a token is too weak or the pair is inconsistent */
  static AccessTokens from(Map<String, String> env) throws CliException {
    try {
      return new AccessTokens(env.get("API_TOKEN"), env.get("API_VIEWER_TOKEN"));
    } catch (IllegalArgumentException e) {
      throw new CliException(2, "API_TOKEN / API_VIEWER_TOKEN: " + e.getMessage());
    }
  }
}
