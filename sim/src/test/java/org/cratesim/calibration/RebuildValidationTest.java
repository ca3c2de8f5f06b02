package org.cratesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  private static Path sample() {
    return TestPaths.repo().resolve("sim/src/test/resources/own2core");
  }

  @Test
  void discover_sample_findsEachRebuildKindWithItsEditedCrateAndEdit() throws Exception {
    RebuildValidation.Discovery d = RebuildValidation.discover(sample());
    List<String> found =
        d.cases().stream()
            .map(c -> c.workspace() + " " + c.kind() + " -j" + c.jobs() + " " + c.edit())
            .toList();
    assertEquals(
        List.of(
            "split incr-check -j1 m09",
            "split incr-dev-edit-leaf -j1 m00:signature",
            "split incr-dev-mid -j1 m03",
            "split incr-dev-top -j1 m09"),
        found);
    for (var c : d.cases()) {
      assertEquals(c.kind().contains("check") ? "check" : "dev", c.mode());
      assertEquals(1, c.cleanPages().size(), c.toString());
    }
    // incr-dev-top has two runs in runs.csv (and one page): the measured walls are the runs'
    assertEquals(
        List.of(1.134, 1.199),
        d.cases().stream()
            .filter(c -> c.kind().equals("incr-dev-top"))
            .findFirst()
            .orElseThrow()
            .measured());
    // macro-heavy's incr-check-top recompiled registry crates: skipped, saying why
    assertEquals(1, d.skipped().size(), d.skipped().toString());
    RebuildValidation.Skipped k = d.skipped().get(0);
    assertEquals("incr-check-top", k.kind());
    assertTrue(k.reason().contains("serde"), k.reason());
  }

  @Test
  void json_sample_rowsAndSummaryHaveTheDocumentedFields() throws Exception {
    var cl = CratesimCommand.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    cl.setOut(new java.io.PrintWriter(out));
    assertEquals(
        0, cl.execute("validate-rebuilds", "--own", sample().toString(), "--format", "json"));
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals(4, root.path("rows").size());
    for (JsonNode r : root.path("rows")) {
      for (String f :
          List.of("workspace", "kind", "jobs", "predicted_s", "measured_median_s", "error")) {
        assertTrue(r.has(f), f + " in " + r);
      }
      assertTrue(r.path("predicted_s").asDouble() > 0, r.toString());
      assertEquals(
          r.path("predicted_s").asDouble() / r.path("measured_median_s").asDouble() - 1,
          r.path("error").asDouble(),
          1e-9);
    }
    JsonNode sum = root.path("summary");
    assertEquals(4, sum.path("n").asInt());
    assertTrue(sum.path("median_abs_error").asDouble() <= sum.path("max_abs_error").asDouble());
    assertEquals(1, root.path("skipped").size());
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
    // every incr-* kind but macro-heavy's incr-check-top (skipped) at each -j it was run
    assertTrue(rows.size() >= 30, rows.size() + " rows");
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
