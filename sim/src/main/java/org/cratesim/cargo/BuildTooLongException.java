package org.cratesim.cargo;

/**
 * A build whose work could run past the simulated clock (see {@link BuildSimulator}): bad input,
 * refused before the simulation starts. The engine's own {@code ClockOverflowException} is the
 * safety net behind it (a failure, exit 1, should this check ever miss a case).
 */
public final class BuildTooLongException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  BuildTooLongException(String message) {
    super(message);
  }
}
