package dev.xcomponent.app;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a Vert.x future from the command-line thread. Only the CLI's own threads (main, the
 * shutdown hook) may call this: never an event loop, which must not block.
 */
final class Blocking {
  private Blocking() {}

  /**
   * The result of {@code future}, waiting at most {@code limit}.
   *
   * @throws CliException with exit code 1 when the future fails or the limit passes; the message
   *     says {@code what} was being waited for
   */
  static <T> T await(Future<T> future, Duration limit, String what) throws CliException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new CliException(1, what + " failed: " + describe(cause));
    } catch (TimeoutException e) {
      throw new CliException(1, what + " did not finish within " + limit.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(1, what + " was interrupted");
    }
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }
}
