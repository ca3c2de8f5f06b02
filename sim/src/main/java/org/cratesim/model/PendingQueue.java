package org.cratesim.model;

/**
 * Which ready unit cargo starts when a token is free (src/compiler/job_queue/mod.rs, {@code
 * spawn_work_if_possible}).
 */
public enum PendingQueue {
  /**
   * cargo up to 1.64: {@code pending_queue} is a plain vector in arrival order and cargo starts
   * {@code pending_queue.remove(0)}, the oldest ready unit (units dequeued together arrive in
   * priority order).
   */
  OLDEST_FIRST("oldest-first"),
  /** cargo 1.65 (PR #11032): kept sorted by priority, the highest started first. */
  PRIORITY("priority");

  private final String id;

  PendingQueue(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The rule of a cargo release. */
  public static PendingQueue of(CargoVersion v) {
    return v.atLeast(CargoVersion.SORTED_PENDING_QUEUE) ? PRIORITY : OLDEST_FIRST;
  }

  /** By id: {@code oldest-first} or {@code priority}. */
  public static PendingQueue parse(String s) {
    for (PendingQueue q : values()) {
      if (q.id.equals(s)) {
        return q;
      }
    }
    throw new IllegalArgumentException(
        "unknown pending queue order '" + s + "' (expected oldest-first or priority)");
  }
}
