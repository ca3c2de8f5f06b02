package org.cratesim.cargo;

/**
 * One link of the simulated critical path: the unit occupied the path from {@code fromNanos} to
 * {@code toNanos}, and it could not start earlier because of {@code waitedFor}.
 *
 * @param unit unit index, or -1 for cargo's start-up
 * @param fromNanos start of this link on the path (absolute)
 * @param toNanos end of this link on the path (absolute)
 * @param waitedFor why the unit started when it did
 * @param predecessor the unit it waited for, or -1
 */
public record ChainLink(int unit, long fromNanos, long toNanos, Wait waitedFor, int predecessor) {

  /** Why a unit started when it did. */
  public enum Wait {
    /** Cargo's start-up before the first unit. */
    STARTUP("start-up"),
    /** Ready when cargo started: no dependency, no wait. */
    NOTHING("nothing"),
    /** A dependency's .rmeta (pipelined edge). */
    RMETA("rmeta"),
    /** A dependency's full build. */
    FULL("full build"),
    /** Ready earlier, but every jobserver token was busy. */
    TOKEN("token");

    private final String label;

    Wait(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
