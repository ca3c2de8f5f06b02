package org.cratesim.calibration;

/** A bad or missing input of a calibration; the message is one line naming it. */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message);
  }
}
