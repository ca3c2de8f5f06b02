package org.cratesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cratesim.TestPaths;
import org.cratesim.calibration.ExperimentValidation.Measured;
import org.cratesim.importer.Calibrations;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentValidationTest {
  @TempDir Path tmp;

  @Test
  void measured_significance_isTwoPercentAndThreeSigmas() {
    assertTrue(new Measured("e", "check", 2, "c", 10, 0.01, 9.5, 0.01).significant());
    // -5 %, but the runs' spread is too wide
    assertFalse(new Measured("e", "check", 2, "c", 10, 0.2, 9.5, 0.2).significant());
    // 3 sigma, but under 2 %
    assertFalse(new Measured("e", "check", 2, "c", 10, 0.001, 9.9, 0.001).significant());
    assertEquals(-0.05, new Measured("e", "check", 2, "c", 10, 0, 9.5, 0).effect(), 1e-12);
  }

  @Test
  void read_namesTheBadLine() throws IOException {
    Path csv = tmp.resolve("hyperfine-train.csv");
    Files.writeString(
        csv,
        "experiment,mode,jobs,crate,base_mean_s,base_sd_s,base_min_s,custom_mean_s,custom_sd_s,"
            + "custom_min_s\npending-sorted,check,2,a-1.0,1.0,0.1,0.9,0.9,0.1,0.8\n"
            + "pending-sorted,check,x,b-1.0,1,1,1,1,1,1\n");
    IOException e = assertThrows(IOException.class, () -> ExperimentValidation.read(csv));
    assertTrue(
        e.getMessage().endsWith(":3: not a row of numbers (NumberFormatException)"),
        e.getMessage());
  }

  @Test
  void run_onTheGroundTruth_predictsEveryRowWithAPage() throws Exception {
    Path shared = TestPaths.shared();
    Path dir = shared.resolve("groundtruth/lqd-experiments");
    Assumptions.assumeTrue(
        Files.isRegularFile(dir.resolve("hyperfine-train.csv")),
        "../shared/groundtruth/lqd-experiments is absent: skipping");
    List<Measured> all = ExperimentValidation.read(dir.resolve("hyperfine-train.csv"));
    // three crates of each experiment are enough to check the wiring
    List<Measured> some =
        all.stream()
            .filter(m -> m.crate().startsWith("actix-codec") || m.crate().startsWith("anyhow"))
            .toList();
    ExperimentValidation.Report r =
        ExperimentValidation.run(
            some, shared.resolve("groundtruth/lqd-epyc-2022"), Calibrations.shipped(), 2, i -> {});
    assertEquals(some.size(), r.rows().size());
    assertEquals(17, r.experiments().size()); // experiment x mode x -j, as in the CSV
    for (ExperimentValidation.Row row : r.rows()) {
      assertTrue(Math.abs(row.predicted()) < 0.5, row.toString());
    }
    assertFalse(r.curve().isEmpty()); // build-defaults' baselines at -j1, 2, 4, 6 against -j8
  }
}
