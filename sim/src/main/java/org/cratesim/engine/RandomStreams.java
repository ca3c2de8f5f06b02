package org.cratesim.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Named, seeded random streams: each stream's generator is derived from (seed, replication, stream
 * name) alone, so adding a stream or drawing more from one never shifts another (common random
 * numbers across design points, SSJ/KSL style).
 */
public final class RandomStreams {
  private final long seed;
  private final int replication;
  private final Map<String, RandomGenerator> streams = new TreeMap<>();

  public RandomStreams(long seed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must be >= 0");
    }
    this.seed = seed;
    this.replication = replication;
  }

  /** The generator of a named stream (created on first use, then the same object). */
  public RandomGenerator stream(String name) {
    return streams.computeIfAbsent(name, n -> new Well19937c(derive(seed, replication, n)));
  }

  /** The 32 seed words of a stream: SplitMix64 over seed, replication and the name's bytes. */
  static int[] derive(long seed, int replication, String name) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ replication);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xff));
    }
    int[] words = new int[32];
    long state = h;
    for (int i = 0; i < words.length; i += 2) {
      state += 0x9E3779B97F4A7C15L;
      long z = mix(state);
      words[i] = (int) z;
      words[i + 1] = (int) (z >>> 32);
    }
    return words;
  }

  /**
   * A standard normal draw that depends on (seed, replication, key) alone: no state, so the same
   * key gets the same draw in every design point of a replication (common random numbers) and on
   * any thread.
   */
  public double normal(String key) {
    return normal(keyHash(key), "");
  }

  /**
   * The state after hashing (seed, replication, {@code prefix}): pass it to {@link #normal(long,
   * String)} to draw for many keys that share the prefix, hashing it once.
   */
  public long keyHash(String prefix) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ replication);
    return absorb(h, prefix);
  }

  /** The same draw as {@code normal(prefix + suffix)} when {@code prefixHash = keyHash(prefix)}. */
  public double normal(long prefixHash, String suffix) {
    long h = absorb(prefixHash, suffix);
    long a = mix(h + 0x9E3779B97F4A7C15L);
    long b = mix(h + 2 * 0x9E3779B97F4A7C15L);
    double u1 = ((a >>> 11) + 1) * 0x1.0p-53; // (0, 1]
    double u2 = (b >>> 11) * 0x1.0p-53;
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  /** Mixes the UTF-8 bytes of {@code s} into {@code h} (ASCII without making the byte array). */
  private static long absorb(long h, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
          h = mix(h ^ (b & 0xff));
        }
        return h;
      }
      h = mix(h ^ c);
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
