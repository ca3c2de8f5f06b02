package org.cratesim.rustc;

/**
 * How a running process reports back to cargo (after cargo's {@code JobState} in
 * src/compiler/job_queue/job_state.rs: {@code rmeta_produced} and the job's finish), plus the
 * section boundaries cargo's timings record.
 */
public interface JobState {
  /** The front end ended (the start of codegen in cargo's sections). */
  void frontendFinished();

  /** rustc's artifact notification for {@code .rmeta}: {@code Finish(id, Artifact::Metadata)}. */
  void rmetaProduced();

  /** Code generation (and LTO) ended; the link follows. */
  void codegenFinished();

  /** The process gave tokens back to the jobserver (a possible cause of the next start). */
  void tokensReleased();

  /** The process exited: {@code Finish(id, Artifact::All)}. */
  void finished();
}
