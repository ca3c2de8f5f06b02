package org.cratesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cratesim.importer.Calibration;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.model.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

  @Test
  void shipped_hasEveryProfileAndMode_withEveryKey() {
    for (Calibrations c : List.of(Calibrations.shipped(), Calibrations.start())) {
      for (String profile : List.of(Calibrations.MANY_CORE, Calibrations.TWO_CORE)) {
        for (Mode m : Mode.values()) {
          Calibration cal = c.get(profile, m);
          assertEquals(Calibration.KEYS.keySet(), cal.values().keySet());
          cal.machine();
          cal.rustc();
        }
      }
    }
  }

  @Test
  void with_unknownKey_isRejected() {
    Calibration c = Calibrations.shipped().get(Calibrations.MANY_CORE, Mode.DEBUG);
    assertThrows(IllegalArgumentException.class, () -> c.with("contention", 0.1));
    assertEquals(0.5, c.with("contention_frontend", 0.5).get("contention_frontend"));
  }

  @Test
  void modelCalibration_needsTheManyCoreData(@TempDir Path shared) {
    DataException e =
        assertThrows(
            DataException.class,
            () ->
                ModelCalibration.calibrate(
                    shared,
                    new ModelCalibration.Options(1, false, 1, Calibrator.Objective.WALL),
                    line -> {}));
    assertEquals(shared + ": no " + ModelCalibration.LQD + " inside", e.getMessage());
  }

  @Test
  void modelCalibration_tomlIsTheHeaderWithTheNotesThenTheCalibrations() {
    Calibrations start = Calibrations.start();
    List<Calibration> fitted = List.of(start.get(Calibrations.MANY_CORE, Mode.DEBUG));
    String toml = new ModelCalibration.Result(fitted, List.of("a note")).toml();
    assertTrue(toml.startsWith("# cratesim calibration: "), toml);
    assertTrue(toml.contains("\n#   a note\n\n"), toml);
    assertTrue(toml.endsWith(Calibrations.toToml(fitted)), toml);
  }

  @Test
  void profileFor_fewCpusIsTwoCore() {
    assertEquals(Calibrations.TWO_CORE, Calibrations.profileFor(2));
    assertEquals(Calibrations.MANY_CORE, Calibrations.profileFor(48));
    assertEquals(Calibrations.MANY_CORE, Calibrations.profileFor(null));
  }

  @Test
  void codegenUnitsFor_smallCratesFillFewerCgus() {
    Calibration c =
        Calibrations.shipped()
            .get(Calibrations.MANY_CORE, Mode.DEBUG)
            .with("cgu_work_s", 0.1)
            .with("codegen_units", 16);
    assertEquals(1, c.codegenUnitsFor(0.01));
    assertEquals(5, c.codegenUnitsFor(0.5));
    assertEquals(16, c.codegenUnitsFor(30));
    assertEquals(16, c.with("cgu_work_s", 0).codegenUnitsFor(0.01));
  }

  @Test
  void fit_neverEndsWorseThanItStarted_andIsDeterministic() throws Exception {
    Path dir = Path.of("src/test/resources/validate");
    List<Validation.Pair> pairs = Validation.pair(dir, dir);
    List<Validation.Loaded> pages = Validation.load(pairs, true, 2, i -> {});
    Calibration start =
        Calibrations.start().get(Calibrations.TWO_CORE, Mode.DEBUG).with("contention_codegen", 0.4);
    List<Calibrator.Param> params =
        List.of(new Calibrator.Param("contention_codegen", 0, 0.5, 0.05));
    Calibrator.Result a =
        Calibrator.fit(
            pairs,
            pages,
            EdgeKnowledge.none(),
            start,
            params,
            1.0,
            2,
            3,
            Calibrator.Objective.WALL,
            s -> {});
    Calibrator.Result b =
        Calibrator.fit(
            pairs,
            pages,
            EdgeKnowledge.none(),
            start,
            params,
            1.0,
            1,
            3,
            Calibrator.Objective.WALL,
            s -> {});
    assertTrue(Calibrator.objective(a.after()) <= Calibrator.objective(a.before()));
    assertEquals(a.fitted(), b.fitted());
    assertTrue(a.evaluations() > 2);
  }
}
