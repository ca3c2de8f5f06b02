package org.cratesim.rustc;

import org.cratesim.model.UnitWork;

/**
 * What one process is asked to do, as rustc (or a build-script run) sees it: its work per phase and
 * what to emit.
 */
public interface Invocation {
  /** The work per phase. */
  UnitWork work();

  /** A build-script run rather than a rustc. */
  boolean isScriptRun();

  /** rustc emits {@code .rmeta} when its front end ends ({@code --emit=metadata,link}). */
  boolean emitsMetadataEarly();

  /** {@code cargo check}: rustc stops after the front end. */
  boolean stopsAfterFrontend();
}
