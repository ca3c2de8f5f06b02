package org.cratesim.report;

import java.util.List;
import org.cratesim.calibration.ExperimentValidation;
import org.cratesim.calibration.Prediction;
import org.cratesim.calibration.Validation;
import org.cratesim.cargo.BuildResult;

/**
 * The results of cratesim's commands rendered in one output format; {@link ReportFormat} makes one
 * per format. A format that has no rendering of a result says so with {@link
 * UnsupportedOperationException} (the commands only offer the formats they can print).
 */
public interface Reporter {
  /** One simulated build ({@code cratesim run}). */
  String build(String scenarioName, BuildResult r);

  /** A baseline and the same build with strategies on ({@code cratesim compare}). */
  String comparison(Comparison c);

  /** A measured build predicted at another {@code -j} ({@code cratesim predict}). */
  default String prediction(Prediction p) {
    throw new UnsupportedOperationException(
        "no " + getClass().getSimpleName() + " of a prediction");
  }

  /**
   * The same measured build predicted at several {@code -j} ({@code cratesim predict -j 2,4,8});
   * one prediction renders as {@link #prediction}.
   */
  default String predictions(List<Prediction> ps) {
    if (ps.size() == 1) {
      return prediction(ps.get(0));
    }
    throw new UnsupportedOperationException(
        "no " + getClass().getSimpleName() + " of several predictions");
  }

  /**
   * Validation rows and their summary over rows measured at least {@code minSeconds} ({@code
   * cratesim validate}).
   */
  default String validation(List<Validation.Row> rows, double minSeconds) {
    throw new UnsupportedOperationException(
        "no " + getClass().getSimpleName() + " of a validation");
  }

  /** What-ifs against measured changes ({@code cratesim validate-experiments}). */
  default String experiments(ExperimentValidation.Report r) {
    throw new UnsupportedOperationException(
        "no " + getClass().getSimpleName() + " of an experiment validation");
  }
}
