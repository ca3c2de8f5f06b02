package org.cratesim.cli;

/**
 * A failure that is not the input's fault and that the user can fix in their environment (a tool or
 * library missing): exit 1, and the message printed as it is, without an exception's kind.
 */
final class EnvironmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EnvironmentException(String message) {
    super(message);
  }
}
