package dev.xcomponent.application;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages a runtime gave up on: malformed ones at once, others after {@link #MAX_ATTEMPTS}
 * failed deliveries. Keeps a count and the last few (for {@code /health} and operators); each is
 * also logged at ERROR and published on the component's dead-letter channel. Thread-safe and
 * bounded.
 */
public final class DeadLetters {
  /** Deliveries of one message before it is given up. */
  public static final int MAX_ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
  private final int keep;
  private final Deque<Map<String, Object>> last = new ArrayDeque<>();
  private final Map<String, Integer> attempts;
  private long total;

  DeadLetters(int keep) {
    this.keep = keep;
    this.attempts = new LinkedHashMap<>(64, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
        return size() > 10_000;
      }
    };
  }

  /** Counts a failed delivery; true when the message has now failed too often. */
  synchronized boolean attemptFailed(String messageId, String channel) {
    if (messageId == null) {
      return false;
    }
    int n = attempts.merge(messageId, 1, Integer::sum);
    if (n >= MAX_ATTEMPTS) {
      attempts.remove(messageId);
      return true;
    }
    LOG.warn("message {} on {} failed (attempt {} of {}); it will be delivered again", messageId, channel, n, MAX_ATTEMPTS);
    return false;
  }

  synchronized void add(String channel, Map<String, Object> message, String error) {
    total++;
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("channel", channel);
    entry.put("messageId", message.get("messageId"));
    entry.put("error", error);
    entry.put("at", System.currentTimeMillis());
    last.addLast(entry);
    if (last.size() > keep) {
      last.removeFirst();
    }
    LOG.error("message {} on {} moved to the dead letters: {}", message.get("messageId"), channel, error);
  }

  /** How many messages were given up since start. */
  public synchronized long count() {
    return total;
  }

  /** The last messages given up, oldest first. */
  public synchronized List<Map<String, Object>> recent() {
    return new ArrayList<>(last);
  }
}
