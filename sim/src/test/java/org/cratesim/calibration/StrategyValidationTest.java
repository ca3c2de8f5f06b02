package org.cratesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cratesim.TestPaths;
import org.cratesim.importer.Calibrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyValidationTest {
  static final Path DATA =
      TestPaths.repo().resolve("sim/src/test/resources/measured/own-2core-2026-12-02");

  @TempDir Path tmp;

  @Test
  void theCommittedMeasurements_arePredicted_andTheirChangeIsMeasuresOwn() throws Exception {
    List<StrategyValidation.Row> rows = StrategyValidation.validate(DATA, Calibrations.shipped());
    assertEquals(14, rows.size());
    for (StrategyValidation.Row r : rows) {
      // the measured change is the one cratesim measure wrote in the campaign's summary
      List<String> summary =
          Files.readAllLines(DATA.resolve(r.whatIf().campaign()).resolve("summary.csv"));
      List<String> head = List.of(summary.get(0).split(","));
      String variantLine =
          summary.stream()
              .filter(l -> l.startsWith(r.whatIf().variant() + ","))
              .findFirst()
              .orElseThrow();
      double ratio = Double.parseDouble(variantLine.split(",")[head.indexOf("ratio_to_baseline")]);
      // (summary.csv holds medians of unrounded times; runs.csv rounds each to the millisecond)
      assertEquals(ratio - 1, r.measuredChange(), 5e-3, r.whatIf().campaign());
      assertTrue(r.measuredLow() <= r.measuredChange() && r.measuredChange() <= r.measuredHigh());
      assertEquals(2, r.jobs());
      assertTrue(Double.isFinite(r.predictedChange()), r.toString());
      // directions of the model: the caches make every measured build faster (async's derives
      // reach the expansion cache through the serde facade), GNU ld relinks slower than the
      // rust-lld a 1.95 page was linked with
      if (!r.whatIf().strategy().isEmpty()) {
        assertTrue(r.predictedChange() < 0, r.toString());
      }
      assertTrue(r.measuredBaselineS() > 0 && r.predictedBaselineS() > 0, r.toString());
      if (r.change().equals("profile.linker=ld")) {
        assertTrue(r.predictedChange() > 0, r.toString());
      }
    }
  }

  @Test
  void aMalformedEntry_namesItsLine() throws Exception {
    Files.writeString(
        tmp.resolve("whatifs.toml"),
        "[[whatif]]\nworkspace = \"w\"\ncampaign = \"c\"\nbaseline = \"b\"\nvariant = \"v\"\n"
            + "strategy = \"expansion-cache\"\nbuild_kind = \"incremental\"\npage = \"p\"\n"
            + "metadata = \"m\"\n",
        StandardCharsets.UTF_8);
    DataException e = assertThrows(DataException.class, () -> StrategyValidation.read(tmp));
    assertTrue(
        e.getMessage().contains("whatifs.toml:2: an incremental what-if needs edit"),
        e.getMessage());
  }

  @Test
  void runsOfAVariant_comeFromMeasuresKindColumn() throws Exception {
    Path csv = tmp.resolve("runs.csv");
    Files.writeString(
        csv,
        "workspace,kind,jobs,rep,wall_s,rc,cpu_pct,maxrss_kb,cmd\n"
            + "w,check-base,2,1,1.0,0,,,cargo check\n"
            + "w,check-fast,2,1,0.5,0,,,X=a,b cargo check\n"
            + "w,check-fast,2,2,0.7,1,,,cargo check\n",
        StandardCharsets.UTF_8);
    var runs = StrategyValidation.runs(csv);
    assertEquals(1.0, runs.get("check-base").get(1));
    assertEquals(0.5, runs.get("check-fast").get(1));
    assertEquals(1, runs.get("check-fast").size(), "a failed run is not counted");
  }
}
