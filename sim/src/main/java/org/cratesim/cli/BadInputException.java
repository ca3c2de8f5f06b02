package org.cratesim.cli;

/** Input the user must fix; the message is the one line shown, exit code 2. */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
