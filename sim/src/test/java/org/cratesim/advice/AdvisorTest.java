package org.cratesim.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cratesim.TestPaths;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.sweep.Noise;
import org.junit.jupiter.api.Test;

class AdvisorTest {
  /** Two independent crates of 1 s front end each, at -j1, no start-up. */
  static final String TWO =
      """
      name = "two"
      [build]
      jobs = 1
      startup_s = 0
      [[crate]]
      name = "a"
      frontend_s = 1.0
      [[crate]]
      name = "b"
      frontend_s = 1.0
      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["a", "b"]
      frontend_s = 0.5
      """;

  static Scenario two() throws Exception {
    return ScenarioReader.parse(TWO, "two.toml");
  }

  static Advice.Row row(Advice.Build b, String change) {
    return b.rows().stream().filter(r -> r.change().equals(change)).findFirst().orElseThrow();
  }

  @Test
  void moreCores_withoutNoise_savesExactlyTheParallelWork() throws Exception {
    Advice a =
        new Advisor(3, 1, Noise.NONE, OptionalDouble.empty(), 1).advise(two(), List.of(2), null);
    Advice.Build clean = a.builds().get(0);
    assertEquals(1, a.builds().size());
    assertEquals(2.5, clean.baselineS(), 1e-9);
    Advice.Row j2 = row(clean, "-j 2 (2 cores)");
    assertEquals(1.0, j2.savingS(), 1e-9);
    assertEquals(1.0, j2.ci95LowS(), 1e-9);
    assertEquals(1.0, j2.ci95HighS(), 1e-9);
    assertEquals(1.5, j2.wallS(), 1e-9);
    assertEquals(Advice.Label.SIGNIFICANT, j2.label());
    assertTrue(j2.why().contains("parallelism 1.0 -> 1.7"), j2.why());
  }

  @Test
  void aStrategyThatCannotApply_saysWhy_andComesLast() throws Exception {
    Advice a =
        new Advisor(3, 1, Noise.DEFAULT, OptionalDouble.empty(), 1)
            .advise(two(), List.of(2, 4), null);
    Advice.Build clean = a.builds().get(0);
    Advice.Row pre = row(clean, "precompiled-proc-macros");
    assertEquals(Advice.Label.DOES_NOT_APPLY, pre.label());
    assertEquals("no proc macro in the build", pre.why());
    assertTrue(Double.isNaN(pre.savingS()));
    Advice.Row cache = row(clean, "expansion-cache");
    assertEquals(Advice.Label.DOES_NOT_APPLY, cache.label());
    // applicable rows first, by saving; then the rest
    boolean seenNa = false;
    double last = Double.POSITIVE_INFINITY;
    for (Advice.Row r : clean.rows()) {
      if (!r.applies()) {
        seenNa = true;
        continue;
      }
      assertFalse(seenNa, "an applicable row after one that does not apply");
      assertTrue(r.savingS() <= last);
      last = r.savingS();
    }
    // -j 4 gains nothing over -j 2 here: three crates, two ready at once
    assertEquals(row(clean, "-j 2 (2 cores)").wallS(), row(clean, "-j 4 (4 cores)").wallS(), 1e-9);
  }

  @Test
  void aSavingSmallerThanTheMeasuredNoise_isBelowNoise() throws Exception {
    Advice a =
        new Advisor(3, 1, Noise.NONE, OptionalDouble.of(5.0), 1).advise(two(), List.of(2), null);
    Advice.Row j2 = row(a.builds().get(0), "-j 2 (2 cores)");
    assertEquals(Advice.Label.BELOW_NOISE, j2.label());
    assertEquals(5.0, a.builds().get(0).noiseS(), 0);
    assertTrue(a.noiseSource().startsWith("the pages given"));
  }

  @Test
  void theEditLoop_isAdvisedToo_andAnUnknownCrateIsRefused() throws Exception {
    Scenario sc = two();
    assertEquals("app", Advisor.defaultEdit(sc));
    Advice a =
        new Advisor(4, 1, Noise.DEFAULT, OptionalDouble.empty(), 1).advise(sc, List.of(2), "app");
    assertEquals(2, a.builds().size());
    Advice.Build edit = a.builds().get(1);
    assertEquals("edit app", edit.build());
    assertTrue(edit.baselineS() < a.builds().get(0).baselineS());
    // only app is rebuilt: more cores cannot help
    assertEquals(Advice.Label.DOES_NOT_APPLY, row(edit, "-j 2 (2 cores)").label());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Advisor(4, 1, Noise.DEFAULT, OptionalDouble.empty(), 1)
                .advise(sc, List.of(2), "nope"));
  }

  @Test
  void sameSeed_sameReport_onAnyThreadCount() throws Exception {
    Scenario sc = ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml"));
    String one =
        AdviceReport.json(
            new Advisor(6, 7, Noise.DEFAULT, OptionalDouble.empty(), 1)
                .advise(sc, List.of(8), Advisor.defaultEdit(sc)));
    String two =
        AdviceReport.json(
            new Advisor(6, 7, Noise.DEFAULT, OptionalDouble.empty(), 3)
                .advise(sc, List.of(8), Advisor.defaultEdit(sc)));
    assertEquals(one, two);
    assertTrue(one.contains("\"format\" : \"cratesim-advice\""), one);
  }

  @Test
  void theBestChange_isTheFirstSignificantOne_andTheHtmlShowsBoth() throws Exception {
    Advice a =
        new Advisor(3, 1, Noise.NONE, OptionalDouble.empty(), 1).advise(two(), List.of(2), null);
    Optional<Advice.Row> best = a.builds().get(0).best();
    assertTrue(best.isPresent());
    assertNotNull(best.get().result());
    String html = AdviceReport.html(a);
    assertTrue(html.contains("<h2>Baseline: Clean build</h2>"), html);
    assertTrue(html.contains("<h2>Best change: "), html);
    assertTrue(html.contains("id=\"b1-unit-0\""), "the second build's ids are its own");
  }

  @Test
  void progress_endsAtItsTotal_andNeverGoesBack() throws Exception {
    List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
    new Advisor(3, 1, Noise.DEFAULT, OptionalDouble.empty(), 1)
        .advise(two(), List.of(2), "app", (done, total) -> seen.add(new long[] {done, total}));
    long[] last = seen.get(seen.size() - 1);
    assertEquals(last[1], last[0]);
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i)[0] >= seen.get(i - 1)[0]);
      assertTrue(seen.get(i)[0] <= seen.get(i)[1]);
    }
  }
}
