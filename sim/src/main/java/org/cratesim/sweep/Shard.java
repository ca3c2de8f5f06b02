package org.cratesim.sweep;

/**
 * One of N deterministic slices of a sweep's runs, for job arrays (Slurm {@code --array},
 * Kubernetes Indexed Jobs): run k (point-major: {@code k = point × replications + replication})
 * belongs to shard {@code k mod N + 1}, so every shard gets a share of every design point (slow and
 * fast points spread evenly) and the N shards together hold every run exactly once.
 *
 * @param index 1-based
 * @param count number of shards
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "a shard is I/N with 1 <= I <= N (got " + index + "/" + count + ")");
    }
  }

  /** {@code I/N}; an IllegalArgumentException otherwise. */
  public static Shard parse(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("--shard " + s + ": write I/N, e.g. 2/8");
    }
    try {
      return new Shard(
          Integer.parseInt(s.substring(0, slash).trim()),
          Integer.parseInt(s.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--shard " + s + ": write I/N, e.g. 2/8");
    }
  }

  /** Whether this shard runs {@code t} of a sweep with {@code replications} per point. */
  public boolean owns(SweepTask t, int replications) {
    long k = (long) t.point() * replications + t.replication();
    return k % count == index - 1;
  }

  /** How many of {@code points × replications} runs this shard holds. */
  public long size(int points, int replications) {
    long total = (long) points * replications;
    return total / count + (total % count >= index ? 1 : 0);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
