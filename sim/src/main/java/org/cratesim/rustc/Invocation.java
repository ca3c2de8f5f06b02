package org.cratesim.rustc;

/**
 * What one process is asked to do, as rustc (or a build-script run) sees it: nanoseconds of
 * single-threaded full-speed work per phase and what to emit.
 */
public interface Invocation {
  /** The serial front end (for a build-script run: the run itself). */
  long frontendNanos();

  /** Total codegen work (for a build-script run: its parallel jobs, e.g. cc compiling C). */
  long codegenNanos();

  /** The number of codegen units (for a build-script run: its parallel jobs). */
  int codegenUnits();

  /** The serial link after codegen. */
  long linkNanos();

  /**
   * The part of codegen on the main thread before and while it translates CGUs, or -1 to use the
   * rustc settings' serial share (units given in seconds).
   */
  long codegenSerialNanos();

  /** Parallel LTO work after every CGU is optimised (a barrier), or -1 for the thin-local rule. */
  long ltoNanos();

  /**
   * For units given in seconds: the share of their parallel codegen that is done (below 1 when the
   * unit stops at bitcode for a cross-crate LTO).
   */
  double parallelCodegenFactor();

  /** A build-script run rather than a rustc. */
  boolean isScriptRun();

  /** rustc emits {@code .rmeta} when its front end ends ({@code --emit=metadata,link}). */
  boolean emitsMetadataEarly();

  /** {@code cargo check}: rustc stops after the front end. */
  boolean stopsAfterFrontend();
}
