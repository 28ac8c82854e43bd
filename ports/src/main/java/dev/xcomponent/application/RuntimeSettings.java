package dev.xcomponent.application;

/**
 * Limits and sizes of the runtimes of a process. Every limit is explicit: nothing grows without
 * bound.
 *
 * @param partitions event-loop partitions per component (≥ 1)
 * @param queueLimit events that may wait for one busy instance before senders get QUEUE_FULL
 * @param hookTimeoutMs time allowed to a user hook unless the component sets its own
 * @param historyLimit recorded events kept in memory per instance (0 disables the memory history)
 * @param finishedRetention finished instances kept visible per component
 * @param finishedRetentionMs how long a finished instance stays visible
 * @param maxMessagesPerHook messages one hook may send before it fails
 * @param host host name announced for the runtimes
 * @param snapshotInterval with a store: a snapshot every this many events of an instance (≥ 1)
 * @param journalBatch with a store: most events written by one append (group commit)
 * @param journalWaiting with a store: most writes waiting for the store before new ones fail
 * @param storeTimeoutMs with a store: time allowed to one append
 * @param journalInFlight with a store: appends in flight at once (while they run, the next
 *     writes gather into the next batch)
 */
public record RuntimeSettings(
    int partitions,
    int queueLimit,
    long hookTimeoutMs,
    int historyLimit,
    int finishedRetention,
    long finishedRetentionMs,
    int maxMessagesPerHook,
    String host,
    int snapshotInterval,
    int journalBatch,
    int journalWaiting,
    long storeTimeoutMs,
    int journalInFlight) {

  public RuntimeSettings {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1");
    }
    if (queueLimit < 1) {
      throw new IllegalArgumentException("queueLimit must be at least 1");
    }
    if (hookTimeoutMs < 1) {
      throw new IllegalArgumentException("hookTimeoutMs must be at least 1");
    }
    if (historyLimit < 0 || finishedRetention < 0 || finishedRetentionMs < 0) {
      throw new IllegalArgumentException("history and retention limits must not be negative");
    }
    if (maxMessagesPerHook < 1) {
      throw new IllegalArgumentException("maxMessagesPerHook must be at least 1");
    }
    if (snapshotInterval < 1 || journalBatch < 1 || journalWaiting < 1 || storeTimeoutMs < 1 || journalInFlight < 1) {
      throw new IllegalArgumentException(
          "snapshotInterval, journalBatch, journalWaiting, storeTimeoutMs and journalInFlight must be at least 1");
    }
  }

  /** Defaults: one partition per two cores' event loops, 10,000 queued events, 5 s hooks. */
  public static RuntimeSettings defaults() {
    return new RuntimeSettings(
        Math.max(1, 2 * Runtime.getRuntime().availableProcessors()),
        10_000,
        5_000,
        100,
        10_000,
        3_600_000,
        1_000,
        "localhost",
        10,
        500,
        100_000,
        5_000,
        Integer.getInteger("xcomponent.journal.inFlight", 2));
  }

  public RuntimeSettings withPartitions(int n) {
    return new RuntimeSettings(
        n, queueLimit, hookTimeoutMs, historyLimit, finishedRetention, finishedRetentionMs,
        maxMessagesPerHook, host, snapshotInterval, journalBatch, journalWaiting, storeTimeoutMs, journalInFlight);
  }

  public RuntimeSettings withHistoryLimit(int n) {
    return new RuntimeSettings(
        partitions, queueLimit, hookTimeoutMs, n, finishedRetention, finishedRetentionMs,
        maxMessagesPerHook, host, snapshotInterval, journalBatch, journalWaiting, storeTimeoutMs, journalInFlight);
  }

  public RuntimeSettings withHookTimeoutMs(long ms) {
    return new RuntimeSettings(
        partitions, queueLimit, ms, historyLimit, finishedRetention, finishedRetentionMs,
        maxMessagesPerHook, host, snapshotInterval, journalBatch, journalWaiting, storeTimeoutMs, journalInFlight);
  }

  public RuntimeSettings withSnapshotInterval(int n) {
    return new RuntimeSettings(
        partitions, queueLimit, hookTimeoutMs, historyLimit, finishedRetention, finishedRetentionMs,
        maxMessagesPerHook, host, n, journalBatch, journalWaiting, storeTimeoutMs, journalInFlight);
  }

  public RuntimeSettings withStoreTimeoutMs(long ms) {
    return new RuntimeSettings(
        partitions, queueLimit, hookTimeoutMs, historyLimit, finishedRetention, finishedRetentionMs,
        maxMessagesPerHook, host, snapshotInterval, journalBatch, journalWaiting, ms, journalInFlight);
  }

  public RuntimeSettings withQueueLimit(int n) {
    return new RuntimeSettings(
        partitions, n, hookTimeoutMs, historyLimit, finishedRetention, finishedRetentionMs,
        maxMessagesPerHook, host, snapshotInterval, journalBatch, journalWaiting, storeTimeoutMs, journalInFlight);
  }
}
