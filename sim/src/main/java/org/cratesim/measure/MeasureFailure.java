package org.cratesim.measure;

/** A failure that is not the input's fault (no cargo, a build that failed); exit code 1. */
public final class MeasureFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MeasureFailure(String message) {
    super(message);
  }
}
