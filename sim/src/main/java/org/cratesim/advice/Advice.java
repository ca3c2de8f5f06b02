package org.cratesim.advice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cratesim.cargo.BuildResult;
import org.cratesim.model.Scenario;

/**
 * What {@code cratesim advise} found: for each build (the clean build, the edit loop), the baseline
 * and every change tried, ranked by saving.
 *
 * @param scenario the user's build as simulated (strategies off)
 * @param replications simulated builds per change and build, under the noise model
 * @param seed the random seed of the replications
 * @param noiseSource where the run-to-run noise comes from: the noise model, or the pages given
 * @param builds one entry per build: clean first, then the edit loop when there is one
 */
public record Advice(
    Scenario scenario, int replications, long seed, String noiseSource, List<Build> builds) {
  public Advice {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(noiseSource, "noiseSource");
    builds = List.copyOf(builds);
  }

  /**
   * One build the changes were tried on.
   *
   * @param build {@code clean} or {@code edit CRATE}
   * @param baselineS the baseline's wall time without noise
   * @param baselineMeanS its mean over the replications
   * @param noiseS run-to-run noise: the standard deviation of one build's wall time
   * @param baselineResult the noise-free baseline build (for the timeline)
   * @param rows changes that apply, best saving first, then those that do not apply
   */
  public record Build(
      String build,
      Scenario scenario,
      double baselineS,
      double baselineMeanS,
      double noiseS,
      BuildResult baselineResult,
      List<Row> rows) {
    public Build {
      rows = List.copyOf(rows);
    }

    /** The applicable change with the largest significant saving (a speed-up), if any. */
    public Optional<Row> best() {
      return rows.stream()
          .filter(r -> r.label() == Label.SIGNIFICANT && r.savingS() > 0)
          .findFirst();
    }
  }

  /** How a change's saving compares with zero and with run-to-run noise. */
  public enum Label {
    /** The 95 % interval excludes zero and the saving exceeds run-to-run noise. */
    SIGNIFICANT("yes"),
    /** Real in the model (the interval excludes zero) but smaller than one run's noise. */
    BELOW_NOISE("below noise"),
    /** The interval includes zero. */
    NOT_SIGNIFICANT("no"),
    /** The change cannot apply to this build. */
    DOES_NOT_APPLY("does not apply");

    private final String text;

    Label(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * One change on one build. For a change that does not apply, the figures are NaN and {@code why}
   * says why.
   *
   * @param change the change, as a user would write it
   * @param family cores, strategy, scheduling, profile or split
   * @param wallS the changed build's wall time without noise
   * @param savingS the mean saving over the replications (baseline minus change; positive is
   *     faster)
   * @param ci95LowS the saving's 95 % interval (Student's t over the paired replications)
   * @param ci95HighS upper end
   * @param label significant, below noise, not significant or does not apply
   * @param why a few words: what left the critical path, what got parallel, what cost was added
   * @param result the noise-free changed build (for the timeline), null when it does not apply
   */
  public record Row(
      String change,
      String family,
      double wallS,
      double savingS,
      double ci95LowS,
      double ci95HighS,
      Label label,
      String why,
      BuildResult result) {
    public Row {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(why, "why");
    }

    /** A change that cannot apply to the build, and why. */
    public static Row doesNotApply(String change, String family, String why) {
      return new Row(
          change,
          family,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Label.DOES_NOT_APPLY,
          why,
          null);
    }

    public boolean applies() {
      return label != Label.DOES_NOT_APPLY;
    }
  }
}
