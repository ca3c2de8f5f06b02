package org.cratesim.engine;

import java.util.Arrays;

/**
 * Future-event list: a binary min-heap over (time, priority, sequence).
 *
 * <p>The sequence number is assigned at insertion and is strictly increasing, so the order is
 * total and ties in time and priority are first-in first-out. Cancellation is lazy (the handle is
 * flagged and skipped when it reaches the top), which works with any heap and costs nothing at
 * cancel time.
 *
 * @param <E> the payload carried by events
 */
public final class EventQueue<E> {
  private Scheduled<E>[] heap;
  private int size;
  private long nextSequence;
  private int cancelled;

  @SuppressWarnings("unchecked")
  public EventQueue() {
    heap = (Scheduled<E>[]) new Scheduled[64];
  }

  /** Inserts an event and returns its handle. */
  public Scheduled<E> add(long timeNanos, int priority, E payload) {
    Scheduled<E> ev = new Scheduled<>(timeNanos, priority, nextSequence++, payload);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    int i = size++;
    // sift up
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Scheduled<E> p = heap[parent];
      if (!ev.before(p)) {
        break;
      }
      heap[i] = p;
      i = parent;
    }
    heap[i] = ev;
    return ev;
  }

  /** Marks an event cancelled; it will never be returned by {@link #poll()}. */
  public void cancel(Scheduled<E> ev) {
    if (!ev.cancelled && !ev.fired) {
      ev.cancelled = true;
      cancelled++;
    }
  }

  /** The earliest live event without removing it, or null. */
  public Scheduled<E> peek() {
    dropCancelledHead();
    return size == 0 ? null : heap[0];
  }

  /** Removes and returns the earliest live event, or null when empty. */
  public Scheduled<E> poll() {
    dropCancelledHead();
    if (size == 0) {
      return null;
    }
    Scheduled<E> top = removeTop();
    top.fired = true;
    return top;
  }

  /** Number of live (not cancelled) events. */
  public int size() {
    return size - cancelled;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  private void dropCancelledHead() {
    while (size > 0 && heap[0].cancelled) {
      removeTop();
      cancelled--;
    }
  }

  private Scheduled<E> removeTop() {
    Scheduled<E> top = heap[0];
    Scheduled<E> last = heap[--size];
    heap[size] = null;
    if (size > 0) {
      int i = 0;
      int half = size >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        Scheduled<E> c = heap[child];
        int right = child + 1;
        if (right < size && heap[right].before(c)) {
          child = right;
          c = heap[child];
        }
        if (!c.before(last)) {
          break;
        }
        heap[i] = c;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  /**
   * A scheduled event: the handle returned by {@link EventQueue#add} and {@link
   * Simulation#schedule}.
   */
  public static final class Scheduled<E> {
    private final long timeNanos;
    private final int priority;
    private final long sequence;
    private final E payload;
    private boolean cancelled;
    private boolean fired;

    Scheduled(long timeNanos, int priority, long sequence, E payload) {
      this.timeNanos = timeNanos;
      this.priority = priority;
      this.sequence = sequence;
      this.payload = payload;
    }

    boolean before(Scheduled<E> o) {
      if (timeNanos != o.timeNanos) {
        return timeNanos < o.timeNanos;
      }
      if (priority != o.priority) {
        return priority < o.priority;
      }
      return sequence < o.sequence;
    }

    public long timeNanos() {
      return timeNanos;
    }

    public int priority() {
      return priority;
    }

    public long sequence() {
      return sequence;
    }

    public E payload() {
      return payload;
    }

    public boolean isCancelled() {
      return cancelled;
    }

    /** True while the event is still in the queue (neither fired nor cancelled). */
    public boolean isPending() {
      return !cancelled && !fired;
    }
  }
}
