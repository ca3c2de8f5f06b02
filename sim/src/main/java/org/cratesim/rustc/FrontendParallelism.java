package org.cratesim.rustc;

import org.cratesim.model.RustcSettings;

/**
 * rustc's parallel front end ({@code -Z threads=N}, blog.rust-lang.org 2023-11-09): a share of the
 * front end runs on up to N threads, which take jobserver tokens like codegen workers; the parallel
 * compiler does a little more work than the serial one.
 *
 * @param threads N (1 = the serial front end)
 * @param parallelShare the share of front-end work that parallelises
 * @param overhead front-end work with the parallel compiler relative to the serial one
 */
public record FrontendParallelism(int threads, double parallelShare, double overhead) {
  public static final FrontendParallelism SERIAL = new FrontendParallelism(1, 0, 1);

  public FrontendParallelism {
    if (threads < 1 || !(parallelShare >= 0 && parallelShare <= 1) || !(overhead >= 1)) {
      throw new IllegalArgumentException(
          "bad front-end parallelism " + threads + ", " + parallelShare + ", " + overhead);
    }
  }

  /** The serial part of a front end of {@code nanos} (serial-compiler) work. */
  public long serialNanos(long nanos) {
    return Math.round(nanos * overhead * (1 - parallelShare));
  }

  /** The parallel part. */
  public long parallelNanos(long nanos) {
    return Math.round(nanos * overhead) - serialNanos(nanos);
  }

  /** The parallel part as one work item per thread. */
  public long[] parallelParts(long nanos) {
    return RustcSettings.DEFAULT.split(parallelNanos(nanos), threads);
  }
}
