package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** A bin given in seconds was linked by its rustc's default linker; another relinks it. */
class TimedLinkerTest {
  static Scenario bin(String cargo) throws Exception {
    return ScenarioReader.parse(
        "[build]\njobs = 1\nstartup_s = 0\ncargo_version = \""
            + cargo
            + "\"\n[[crate]]\nname = \"app\"\nkind = \"bin\"\nfrontend_s = 1.0\ncodegen_s = 2.0\n",
        "bin.toml");
  }

  static Unit unit(Scenario sc) {
    return UnitGraphBuilder.build(sc).unit(0);
  }

  @Test
  void aPageOfRustc195_wasLinkedByLld_soGnuLdRelinksTheFoldedLinkSlower() throws Exception {
    Scenario sc = bin("1.95");
    Unit asMeasured = unit(sc);
    assertEquals(2_000_000_000L, asMeasured.work().codegenNanos());
    assertEquals(0, asMeasured.work().linkNanos());
    // rust-lld is 1.95's default: saying so changes nothing
    assertEquals(
        asMeasured.work(), unit(ScenarioOverrides.applyOne(sc, "profile.linker", "lld")).work());
    Unit ld = unit(ScenarioOverrides.applyOne(sc, "profile.linker", "ld"));
    double binLink = sc.rebuild().binLinkS();
    double lld = sc.costs().get("linker_lld_factor");
    assertEquals(Math.round((2.0 - binLink) * 1e9), ld.work().codegenNanos());
    assertEquals(Math.round(binLink / lld * 1e9), ld.work().linkNanos(), 1);
  }

  @Test
  void aPageOfCargo160_wasLinkedByGnuLd_soLldMakesItsLinkShorter() throws Exception {
    Scenario sc = bin("1.60");
    Unit lld = unit(ScenarioOverrides.applyOne(sc, "profile.linker", "lld"));
    double binLink = sc.rebuild().binLinkS();
    assertEquals(
        Math.round(binLink * sc.costs().get("linker_lld_factor") * 1e9), lld.work().linkNanos(), 1);
    assertEquals(
        unit(sc).work(), unit(ScenarioOverrides.applyOne(sc, "profile.linker", "ld")).work());
  }
}
