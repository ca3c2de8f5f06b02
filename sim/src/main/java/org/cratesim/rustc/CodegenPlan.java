package org.cratesim.rustc;

import org.cratesim.model.RustcSettings;
import org.cratesim.model.UnitWork;

/**
 * How a unit's codegen work divides on rustc's threads (rustc_codegen_ssa/src/back/write.rs): a
 * fixed serial part before the first CGU (collection and partitioning), the serial translation of
 * each CGU to LLVM IR on the main thread, the parallel LLVM work of each CGU on tokens, and the LTO
 * work after every CGU is optimised (a barrier). A build-script run's parallel jobs have only the
 * parallel part.
 *
 * @param fixedNanos serial work before any CGU is translated
 * @param translateNanos per CGU: its translation on the main thread
 * @param optimizeNanos per CGU: its LLVM work (optimisation, emission)
 * @param ltoNanos per CGU: its LTO work after the barrier; empty when there is no LTO phase
 */
public record CodegenPlan(
    long fixedNanos, long[] translateNanos, long[] optimizeNanos, long[] ltoNanos) {
  private static final long[] NO_LTO = new long[0];

  /**
   * The plan rustc follows for {@code u}. {@code removedLtoShare}: for units given in seconds
   * (measured with cargo's default thin-local LTO) in a release build with another LTO setting, the
   * share of their parallel codegen that thin-local LTO added and that is not done; 0 keeps the
   * measured work, and in a release build of more than one CGU its thin-local share runs after the
   * barrier.
   */
  public static CodegenPlan of(
      Invocation u, RustcSettings rustc, boolean release, double removedLtoShare) {
    return plan(
        u,
        rustc,
        release,
        removedLtoShare,
        removedLtoShare == 0 && release && u.work().codegenUnits() > 1);
  }

  /**
   * The least work before the LTO barrier any build could leave {@code u}, for lower bounds: the
   * measured work as in a debug build, less the thin-local share whatever the profile.
   */
  public static CodegenPlan shortest(Invocation u, RustcSettings rustc) {
    return plan(u, rustc, false, 0, true);
  }

  private static CodegenPlan plan(
      Invocation u,
      RustcSettings rustc,
      boolean release,
      double removedLtoShare,
      boolean thinLocal) {
    UnitWork w = u.work();
    int n = w.codegenUnits();
    if (u.isScriptRun()) {
      // a script's jobs (cc compiling C files) are all there at once: nothing serial
      return new CodegenPlan(
          0, new long[n], RustcSettings.DEFAULT.split(w.codegenNanos(), n), NO_LTO);
    }
    long fixed;
    long serial;
    if (w.codegenSerialNanos() >= 0) {
      fixed = 0; // the cost model's serial part: spread over the CGU translations
      serial = Math.min(w.codegenNanos(), w.codegenSerialNanos());
    } else {
      fixed = rustc.fixedNanos(w.codegenNanos());
      serial = rustc.translateNanos(w.codegenNanos());
    }
    long parallel = w.codegenNanos() - fixed - serial;
    boolean timed = w.codegenSerialNanos() < 0;
    if (timed && release && removedLtoShare > 0) {
      // measured with thin-local LTO, built with another setting: that work is not done
      parallel -= Math.round(parallel * removedLtoShare);
    }
    if (timed && w.parallelCodegenFactor() < 1) {
      parallel = Math.round(parallel * w.parallelCodegenFactor()); // stops at bitcode
    }
    long lto = 0;
    if (w.ltoNanos() >= 0) {
      lto = w.ltoNanos();
    } else if (thinLocal && rustc.thinLocalLtoShare() > 0) {
      // thin-local LTO: its share of the measured work runs after the barrier
      lto = Math.round(parallel * rustc.thinLocalLtoShare());
      parallel -= lto;
    }
    return new CodegenPlan(
        fixed,
        rustc.split(serial, n),
        rustc.split(parallel, n),
        lto > 0 ? rustc.split(lto, n) : NO_LTO);
  }
}
