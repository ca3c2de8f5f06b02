package org.cratesim.model;

/**
 * Parameters of rustc's code generation model.
 *
 * @param codegenSerialShare share of a unit's codegen work that only rustc's main thread can do
 *     (MIR to LLVM IR translation, one CGU at a time); the rest (LLVM optimisation and emission)
 *     runs on worker threads, one CGU each
 * @param codegenFixedS serial work at the start of every unit's codegen, before any CGU can be
 *     translated (monomorphisation collection, CGU partitioning), in seconds, capped at the unit's
 *     codegen work
 * @param cguSizeRatio size of each codegen unit relative to the previous one, largest first
 *     (rustc's partitioning leaves CGUs of unequal size and processes the largest first); 1 = equal
 *     sizes
 * @param thinLocalLtoShare in release builds of units with more than one CGU, the share of the LLVM
 *     work done in rustc's "thin local" LTO phase (cargo's default {@code lto = false}): after
 *     every CGU is optimised (a barrier), per-module LTO work items run in parallel again
 */
public record RustcSettings(
    double codegenSerialShare,
    double codegenFixedS,
    double cguSizeRatio,
    double thinLocalLtoShare) {
  public static final RustcSettings DEFAULT = new RustcSettings(0.3, 0.0, 1.0, 0.0);

  /** Equal-sized CGUs, no LTO phase. */
  public RustcSettings(double codegenSerialShare, double codegenFixedS) {
    this(codegenSerialShare, codegenFixedS, 1.0, 0.0);
  }

  public RustcSettings {
    if (!(codegenSerialShare >= 0 && codegenSerialShare <= 1)) {
      throw new IllegalArgumentException(
          "codegen_serial_share must be in [0, 1], was " + codegenSerialShare);
    }
    Phases.requireTime("codegen_fixed_s", codegenFixedS);
    if (!(thinLocalLtoShare >= 0 && thinLocalLtoShare < 1)) {
      throw new IllegalArgumentException(
          "thin_local_lto_share must be in [0, 1), was " + thinLocalLtoShare);
    }
    if (!(cguSizeRatio > 0 && cguSizeRatio <= 1)) {
      throw new IllegalArgumentException("cgu_size_ratio must be in (0, 1], was " + cguSizeRatio);
    }
  }

  /**
   * Splits {@code total} nanoseconds over {@code n} CGUs, largest first, each {@code cguSizeRatio}
   * times the previous; the parts add up to {@code total} exactly.
   */
  public long[] split(long total, int n) {
    long[] parts = new long[n];
    double sum = 0;
    double w = 1;
    for (int k = 0; k < n; k++) {
      sum += w;
      w *= cguSizeRatio;
    }
    double acc = 0;
    long assigned = 0;
    w = 1;
    for (int k = 0; k < n; k++) {
      acc += w / sum;
      long upTo = k == n - 1 ? total : Math.round(total * acc);
      parts[k] = upTo - assigned;
      assigned = upTo;
      w *= cguSizeRatio;
    }
    return parts;
  }

  /** The nanoseconds of a unit's codegen that run serially on the main thread before CGUs. */
  public long fixedNanos(long codegenNanos) {
    return Math.min(codegenNanos, Math.round(codegenFixedS * 1e9));
  }

  /** The nanoseconds of translation (serial, spread over CGUs) in a unit's codegen. */
  public long translateNanos(long codegenNanos) {
    return Math.round((codegenNanos - fixedNanos(codegenNanos)) * codegenSerialShare);
  }
}
