package org.cratesim.measure;

/** Input the user must fix (a variant's grammar, a missing workspace or file); exit code 2. */
public final class MeasureInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MeasureInputException(String message) {
    super(message);
  }
}
