package org.cratesim.cargo;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The concurrency samples of one build, kept in primitive arrays (a build records about one per
 * event) and shown as a read-only list of {@link ConcurrencySample} made on access.
 */
final class ConcurrencyLog {
  private long[] time = new long[256];
  private int[] counts = new int[4 * 256]; // active, waiting, inactive, threads
  private int size;

  /**
   * Records the state from {@code t} on. Nothing is added when it equals the last sample; a sample
   * at the same time as the last one replaces it.
   */
  void add(long t, int active, int waiting, int inactive, int threads) {
    if (size > 0) {
      int last = 4 * (size - 1);
      if (counts[last] == active
          && counts[last + 1] == waiting
          && counts[last + 2] == inactive
          && counts[last + 3] == threads) {
        return;
      }
      if (time[size - 1] == t) {
        size--;
      }
    }
    if (size == time.length) {
      time = Arrays.copyOf(time, 2 * size);
      counts = Arrays.copyOf(counts, 8 * size);
    }
    time[size] = t;
    int k = 4 * size;
    counts[k] = active;
    counts[k + 1] = waiting;
    counts[k + 2] = inactive;
    counts[k + 3] = threads;
    size++;
  }

  /**
   * The samples in time order, as a read-only view; take it when the build is over (the log is not
   * written to after that).
   */
  List<ConcurrencySample> asList() {
    return new Samples();
  }

  /** True for the lists {@link #asList()} returns (read-only; they never change once made). */
  static boolean isReadOnlyView(List<ConcurrencySample> list) {
    return list instanceof Samples;
  }

  private final class Samples extends AbstractList<ConcurrencySample> implements RandomAccess {
    @Override
    public ConcurrencySample get(int i) {
      if (i < 0 || i >= size) {
        throw new IndexOutOfBoundsException(i);
      }
      int k = 4 * i;
      return new ConcurrencySample(time[i], counts[k], counts[k + 1], counts[k + 2], counts[k + 3]);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
