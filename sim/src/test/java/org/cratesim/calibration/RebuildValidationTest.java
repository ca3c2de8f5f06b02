package org.cratesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.cratesim.TestPaths;
import org.cratesim.cli.CratesimCommand;
import org.cratesim.importer.Calibrations;
import org.junit.jupiter.api.Test;

/** validate-rebuilds on own-2core-2026 (skipped without ../shared). */
class RebuildValidationTest {
  private static Path own() {
    Path shared = TestPaths.shared();
    assumeTrue(shared != null, "../shared is absent: own-2core-2026 rebuild checks skipped");
    return shared.resolve("groundtruth/own-2core-2026");
  }

  @Test
  void incremental_everyMeasuredBuildHasAPrediction() throws Exception {
    Path own = own();
    assertEquals("schema", RebuildValidation.top(own.resolve("macro-heavy")));
    assertEquals(
        List.of("m00", "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09"),
        RebuildValidation.members(own.resolve("split")));
    List<RebuildValidation.IncrementalRow> rows =
        RebuildValidation.incremental(own, Calibrations.shipped());
    assertEquals(18, rows.size());
    for (var r : rows) {
      assertTrue(
          r.predictedS() > 0 && r.minS() <= r.measuredS() && r.measuredS() <= r.maxS(),
          r.toString());
    }
  }

  @Test
  void precompiled_savesWhatTheProcMacroSideCost() throws Exception {
    List<RebuildValidation.PrecompiledRow> rows =
        RebuildValidation.precompiled(own(), Calibrations.shipped());
    assertEquals(4, rows.size());
    for (var r : rows) {
      assertTrue(r.predictedSavingS() > 0, r.toString());
      assertTrue(r.measuredSavingS() > 0, r.toString());
    }
  }

  @Test
  void cli_notAnOwnDirectory_exitTwo() {
    var cl = CratesimCommand.commandLine();
    cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    assertEquals(2, cl.execute("validate-rebuilds", "--own", "/nonexistent"));
  }
}
