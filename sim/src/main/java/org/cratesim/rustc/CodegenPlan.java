package org.cratesim.rustc;

import org.cratesim.model.RustcSettings;

/**
 * How a unit's codegen work divides on rustc's threads (rustc_codegen_ssa/src/back/write.rs):
 * a fixed serial part before the first CGU (collection and partitioning), the serial translation
 * of CGUs to LLVM IR on the main thread, and the parallel LLVM work on tokens.
 *
 * @param fixedNanos serial work before any CGU is translated
 * @param serialNanos translation, spread over the CGUs
 * @param parallelNanos LLVM work (optimisation, emission), thin-local LTO included
 */
public record CodegenPlan(long fixedNanos, long serialNanos, long parallelNanos) {

  /**
   * The plan of {@code u}'s codegen. {@code removedLtoShare}: for units given in seconds
   * (measured with cargo's default thin-local LTO) in a release build with another LTO setting,
   * the share of their parallel codegen that thin-local LTO added and that is not done; 0 keeps
   * the measured work.
   */
  public static CodegenPlan of(Invocation u, RustcSettings rustc, boolean release,
      double removedLtoShare) {
    long fixed;
    long serial;
    if (u.codegenSerialNanos() >= 0) {
      fixed = 0; // the cost model's serial part: spread over the CGU translations
      serial = Math.min(u.codegenNanos(), u.codegenSerialNanos());
    } else {
      fixed = rustc.fixedNanos(u.codegenNanos());
      serial = rustc.translateNanos(u.codegenNanos());
    }
    long parallel = u.codegenNanos() - fixed - serial;
    boolean timed = u.codegenSerialNanos() < 0;
    if (timed && release && removedLtoShare > 0) {
      // measured with thin-local LTO, built with another setting: that work is not done
      parallel -= Math.round(parallel * removedLtoShare);
    }
    if (timed && u.parallelCodegenFactor() < 1) {
      parallel = Math.round(parallel * u.parallelCodegenFactor()); // stops at bitcode
    }
    return new CodegenPlan(fixed, serial, parallel);
  }
}
