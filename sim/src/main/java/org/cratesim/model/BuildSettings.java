package org.cratesim.model;

import java.util.Objects;

/**
 * How cargo is invoked.
 *
 * @param jobs {@code -j}: jobserver tokens, cargo's implicit one included
 * @param mode check, debug or release
 * @param startupS cargo's time before the first unit starts (resolution, fingerprints)
 * @param scheduling how the dependency queue ranks ready units
 */
public record BuildSettings(int jobs, Mode mode, double startupS, SchedulingPolicy scheduling) {
  public BuildSettings {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, was " + jobs);
    }
    Objects.requireNonNull(mode, "mode");
    Phases.requireTime("startup_s", startupS);
    Objects.requireNonNull(scheduling, "scheduling");
  }

  public BuildSettings withJobs(int j) {
    return new BuildSettings(j, mode, startupS, scheduling);
  }

  public BuildSettings withMode(Mode m) {
    return new BuildSettings(jobs, m, startupS, scheduling);
  }
}
