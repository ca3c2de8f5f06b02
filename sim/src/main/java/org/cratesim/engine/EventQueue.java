package org.cratesim.engine;

import java.util.Arrays;

/**
 * Future-event list: a binary min-heap over (time, priority, sequence) kept in primitive arrays.
 *
 * <p>The sequence number is assigned at insertion and is strictly increasing, so the order is total
 * and ties in time and priority are first-in first-out. Priority and sequence are packed into one
 * {@code long} (priority in bits 47 to 62, offset so that lower priorities sort first), so a
 * comparison reads two longs that sit next to each other in memory; there is no object per event.
 *
 * <p>Each event occupies a <em>slot</em> (its payload and state) from insertion until it fires or,
 * when cancelled, until it reaches the top. The handle returned by {@link #add} is the slot and its
 * generation: a slot reused by a later event gets a new generation, so a stale handle never cancels
 * someone else's event. Cancellation is lazy (the slot is flagged and skipped when it reaches the
 * top): it costs nothing at cancel time and keeps the heap a plain array.
 *
 * @param <E> the payload carried by events
 */
public final class EventQueue<E> {
  /** Lowest priority accepted by {@link #add}. */
  public static final int MIN_PRIORITY = -(1 << 15);

  /** Highest priority accepted by {@link #add}. */
  public static final int MAX_PRIORITY = (1 << 15) - 1;

  private static final int SEQUENCE_BITS = 47; // 16 bits of priority above, sign bit clear
  private static final long SEQUENCE_LIMIT = 1L << SEQUENCE_BITS;
  private static final byte FREE = 0;
  private static final byte PENDING = 1;
  private static final byte CANCELLED = 2;

  // the heap, by position: time, (priority, sequence) and the slot of the event there
  private long[] heapTime = new long[64];
  private long[] heapOrder = new long[64];
  private int[] heapSlot = new int[64];
  private int size;
  // per slot: payload, state and generation; free slots form a stack
  private Object[] payload = new Object[64];
  private byte[] state = new byte[64];
  private int[] generation = new int[64];
  private int[] freeSlots = new int[64];
  private int freeCount;
  private int slotsUsed;
  private long nextSequence;
  private int cancelled;
  private long lastTime;

  /**
   * Inserts an event and returns its handle, for {@link #cancel} and {@link #isPending}.
   *
   * @throws IllegalArgumentException if the time is negative or the priority is outside [{@link
   *     #MIN_PRIORITY}, {@link #MAX_PRIORITY}]
   */
  public long add(long timeNanos, int priority, E event) {
    if (timeNanos < 0) {
      throw new IllegalArgumentException("negative time: " + timeNanos);
    }
    if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority out of range: " + priority);
    }
    if (nextSequence == SEQUENCE_LIMIT) {
      throw new IllegalStateException("more than 2^47 events scheduled");
    }
    int slot = takeSlot();
    payload[slot] = event;
    state[slot] = PENDING;
    if (size == heapTime.length) {
      int n = size * 2;
      heapTime = Arrays.copyOf(heapTime, n);
      heapOrder = Arrays.copyOf(heapOrder, n);
      heapSlot = Arrays.copyOf(heapSlot, n);
    }
    long order = ((long) (priority - MIN_PRIORITY) << SEQUENCE_BITS) | nextSequence++;
    siftUp(size++, timeNanos, order, slot);
    return ((long) generation[slot] << 32) | slot;
  }

  /** Marks an event cancelled; it will never be returned. A no-op once fired or cancelled. */
  public void cancel(long handle) {
    int slot = (int) handle;
    if (isPending(handle)) {
      state[slot] = CANCELLED;
      payload[slot] = null;
      cancelled++;
    }
  }

  /** True while the event is in the queue: neither fired nor cancelled. */
  public boolean isPending(long handle) {
    int slot = (int) handle;
    return slot >= 0
        && slot < slotsUsed
        && generation[slot] == (int) (handle >>> 32)
        && state[slot] == PENDING;
  }

  /** The time of the earliest live event, or {@link Long#MAX_VALUE} when there is none. */
  public long peekTime() {
    dropCancelledHead();
    return size == 0 ? Long.MAX_VALUE : heapTime[0];
  }

  /** Removes and returns the earliest live event's payload, or null when empty. */
  public E poll() {
    return pollNotAfter(Long.MAX_VALUE);
  }

  /**
   * Removes and returns the earliest live event's payload if its time is at most {@code
   * untilNanos}; otherwise (or when empty) returns null and removes nothing. Its time is then
   * {@link #lastTime()}. One call instead of {@link #peekTime()} and {@link #poll()}.
   */
  @SuppressWarnings("unchecked")
  public E pollNotAfter(long untilNanos) {
    dropCancelledHead();
    if (size == 0 || heapTime[0] > untilNanos) {
      return null;
    }
    lastTime = heapTime[0];
    int slot = heapSlot[0];
    E e = (E) payload[slot];
    removeTop();
    freeSlot(slot);
    return e;
  }

  /** The time of the event last returned by {@link #pollNotAfter} or {@link #poll}. */
  public long lastTime() {
    return lastTime;
  }

  /** Number of live (not cancelled) events. */
  public int size() {
    return size - cancelled;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  private void dropCancelledHead() {
    while (size > 0 && state[heapSlot[0]] == CANCELLED) {
      int slot = heapSlot[0];
      removeTop();
      freeSlot(slot);
      cancelled--;
    }
  }

  private int takeSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == payload.length) {
      int n = slotsUsed * 2;
      payload = Arrays.copyOf(payload, n);
      state = Arrays.copyOf(state, n);
      generation = Arrays.copyOf(generation, n);
      freeSlots = Arrays.copyOf(freeSlots, n);
    }
    return slotsUsed++;
  }

  private void freeSlot(int slot) {
    state[slot] = FREE;
    payload[slot] = null;
    generation[slot]++;
    freeSlots[freeCount++] = slot;
  }

  /** Places (time, order, slot) at position {@code i} or above: the hole moves up. */
  private void siftUp(int i, long time, long order, int slot) {
    long[] ht = heapTime;
    long[] ho = heapOrder;
    int[] hs = heapSlot;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pt = ht[parent];
      if (pt < time || pt == time && ho[parent] < order) {
        break;
      }
      ht[i] = pt;
      ho[i] = ho[parent];
      hs[i] = hs[parent];
      i = parent;
    }
    ht[i] = time;
    ho[i] = order;
    hs[i] = slot;
  }

  /**
   * Removes position 0 the bottom-up way (Floyd): the hole at the top sinks to a leaf along the
   * smaller children, one comparison per level, and the last entry is sifted up from there (it is
   * usually among the latest events, so it rarely climbs). The child is chosen without a branch
   * when the times differ ({@code (rt - ct) >>> 63} is 1 when the right one is earlier; times are
   * non-negative, so the difference cannot overflow): the textbook sift-down's tests mispredict
   * about half the time.
   */
  private void removeTop() {
    int n = --size;
    if (n == 0) {
      return;
    }
    long[] ht = heapTime;
    long[] ho = heapOrder;
    int[] hs = heapSlot;
    int i = 0;
    int child;
    while ((child = 2 * i + 1) + 1 < n) {
      long ct = ht[child];
      long rt = ht[child + 1];
      if (rt != ct) {
        child += (int) ((rt - ct) >>> 63);
      } else if (ho[child + 1] < ho[child]) {
        child++;
      }
      ht[i] = ht[child];
      ho[i] = ho[child];
      hs[i] = hs[child];
      i = child;
    }
    if (child < n) { // a last left child without a sibling
      ht[i] = ht[child];
      ho[i] = ho[child];
      hs[i] = hs[child];
      i = child;
    }
    siftUp(i, ht[n], ho[n], hs[n]);
  }
}
