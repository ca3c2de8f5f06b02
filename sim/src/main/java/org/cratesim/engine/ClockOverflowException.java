package org.cratesim.engine;

/**
 * A simulated time beyond {@link Simulation#MAX_TIME}: the model's durations are too large for the
 * nanosecond clock (a {@code long}) to hold with a margin. The simulation stops instead of wrapping
 * around or saturating.
 */
public final class ClockOverflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClockOverflowException(String message) {
    super(message);
  }
}
