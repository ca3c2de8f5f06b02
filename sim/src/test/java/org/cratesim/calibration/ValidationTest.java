package org.cratesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cratesim.importer.Calibration;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Mode;
import org.junit.jupiter.api.Test;

class ValidationTest {
  private static final Path VALIDATE = Path.of("src/test/resources/validate");

  @Test
  void pair_sameFolder_pairsFewestWithMostJobs() throws Exception {
    List<Validation.Pair> pairs = Validation.pair(VALIDATE, VALIDATE);
    assertEquals(2, pairs.size());
    assertEquals("cli/timings/clean-dev-r2", pairs.get(0).key());
    assertTrue(pairs.get(0).from().toString().endsWith("clean-dev-j1-r2.json"));
    assertTrue(pairs.get(0).to().toString().endsWith("clean-dev-j2-r2.json"));
    assertEquals("mono/timings/clean-release-r1", pairs.get(1).key());
  }

  @Test
  void pair_missingFolder_isAnError() {
    assertThrows(
        java.io.IOException.class, () -> Validation.pair(VALIDATE.resolve("nope"), VALIDATE));
  }

  @Test
  void summarize_knownErrors_givesExactStatistics() {
    // errors -20 %, -5 %, 0 %, +5 %, +10 %, +30 % and one pair under the 1 s floor
    double[] errs = {-0.20, -0.05, 0.0, 0.05, 0.10, 0.30};
    List<Validation.Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < errs.length; i++) {
      rows.add(new Validation.Row("k" + i, "debug", 1, 8, 10, 10, 10 * (1 + errs[i])));
    }
    rows.add(new Validation.Row("small", "debug", 1, 8, 0.8, 0.5, 5.0));
    Validation.Summary s = Validation.summarize(rows, 1.0);
    assertEquals(6, s.pairs());
    // |errors| sorted: 0, .05, .05, .1, .2, .3 -> median .075; p90 = .2 + .5 * .1 = .25
    assertEquals(0.075, s.medianAbsError(), 1e-9);
    assertEquals(0.25, s.p90AbsError(), 1e-9);
    assertEquals(4.0 / 6, s.within10pct(), 1e-9);
    assertEquals(0.025, s.medianSignedError(), 1e-9);
    assertEquals(0.7 / 6, s.meanAbsError(), 1e-9);
  }

  @Test
  void predict_withUnitGraphs_isWithinFifteenPercentOnTwoCores() throws Exception {
    List<Validation.Pair> pairs = Validation.pair(VALIDATE, VALIDATE);
    List<Validation.Loaded> pages = Validation.load(pairs, true, 2, i -> {});
    assertTrue(pages.stream().allMatch(l -> l.graph().isPresent()));
    Calibrations cals = Calibrations.shipped();
    List<Validation.Row> rows =
        Validation.predict(
            pairs,
            pages,
            (p, m) -> cals.get(Calibrations.profileFor(p.ncpu()), m),
            EdgeKnowledge.none(),
            2,
            i -> {});
    for (Validation.Row r : rows) {
      assertEquals(2, r.toJobs());
      assertTrue(Math.abs(r.error()) < 0.2, r.key() + " error " + r.error());
    }
    assertEquals(Mode.RELEASE.id(), rows.get(1).mode());
  }

  @Test
  void predict_sameThreadsOrNot_sameRows() throws Exception {
    List<Validation.Pair> pairs = Validation.pair(VALIDATE, VALIDATE);
    List<Validation.Loaded> pages = Validation.load(pairs, false, 1, i -> {});
    Calibrations cals = Calibrations.shipped();
    Validation.CalibrationChooser c = (p, m) -> cals.get(Calibrations.TWO_CORE, m);
    assertEquals(
        Validation.predict(pairs, pages, c, EdgeKnowledge.none(), 1, i -> {}),
        Validation.predict(pairs, pages, c, EdgeKnowledge.none(), 4, i -> {}));
  }

  @Test
  void unitErrors_perfectPrediction_scoresZero() throws Exception {
    // simulate the j2 page with itself: no speed-up model, replay at its own -j
    var page =
        org.cratesim.timings.TimingsReader.read(
            VALIDATE.resolve("cli/timings/clean-dev-j2-r2.json"));
    Calibration flat =
        Calibrations.shipped()
            .get(Calibrations.TWO_CORE, Mode.DEBUG)
            .with("contention_frontend", 0)
            .with("contention_codegen", 0)
            .with("contention_other", 0)
            .with("speed_frontend", 1)
            .with("speed_codegen", 1)
            .with("speed_other", 1)
            .with("codegen_serial_share", 1)
            .with("codegen_fixed_s", 0);
    var sim = org.cratesim.cargo.BuildSimulator.simulate(TimingsImporter.toScenario(page, flat));
    UnitErrors e = new UnitErrors();
    e.add(sim, page);
    assertTrue(e.count() > 20, "units compared: " + e.count());
    assertEquals(0.0, e.score(), 0.02);
  }
}
