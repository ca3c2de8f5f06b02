package org.cratesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.cratesim.model.BuildOverrideSettings;
import org.cratesim.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code [profile.build-override]} in a scenario file: cargo's keys and spellings, the older {@code
 * profile.build_override_debug}, {@code --set profile.build-override.KEY}, errors at file:line and
 * the writer's round trip.
 */
class BuildOverrideSyntaxTest {
  private static final String CRATE = "\n[[crate]]\nname = \"a\"\nfrontend_s = 1\n";

  private static Scenario parse(String profile) throws ScenarioException {
    return ScenarioReader.parse("[build]\njobs = 2\n" + profile + CRATE, "bo.toml");
  }

  private static BuildOverrideSettings of(String profile) throws ScenarioException {
    return parse(profile).profile().buildOverride();
  }

  @Test
  void table_readsCargosKeysAndSpellings() throws Exception {
    assertEquals(BuildOverrideSettings.NONE, of(""));
    assertEquals(
        new BuildOverrideSettings(Optional.of("3"), Optional.of(0), Optional.of(1)),
        of("[profile.build-override]\nopt-level = 3\ndebug = false\ncodegen-units = 1"));
    assertEquals(Optional.of("s"), of("[profile.build-override]\nopt-level = \"s\"").optLevel());
    assertEquals(Optional.of(2), of("[profile.build-override]\ndebug = true").debug());
    assertEquals(Optional.of(2), of("[profile.build-override]\ndebug = \"full\"").debug());
    assertEquals(Optional.of(1), of("[profile.build-override]\ndebug = \"limited\"").debug());
    assertEquals(
        Optional.of(1), of("[profile.build-override]\ndebug = \"line-tables-only\"").debug());
    assertEquals(Optional.of(0), of("[profile.build-override]\ndebug = \"none\"").debug());
    // an inline table inside [profile], next to the profile's keys
    Scenario sc = parse("[profile]\nlto = \"off\"\nbuild-override = { opt-level = 2 }");
    assertEquals(Optional.of("2"), sc.profile().buildOverride().optLevel());
    // the older key
    assertEquals(Optional.of(1), of("[profile]\nbuild_override_debug = 1").debug());
    assertEquals(
        Optional.of(1),
        of("[profile]\nbuild_override_debug = 1\n[profile.build-override]\ndebug = 1").debug());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "[profile.build-override]\\nopt-level = 4|bo.toml:4: build-override opt-level must be 0,"
            + " 1, 2, 3, \"s\" or \"z\"",
        "[profile.build-override]\\nopt-level = 3.0|bo.toml:4: build-override opt-level must be"
            + " 0, 1, 2, 3, \"s\" or \"z\"",
        "[profile.build-override]\\n\\ndebug = \"most\"|bo.toml:5: build-override debug must be 0,"
            + " 1, 2, true, false, \"none\", \"limited\", \"line-tables-only\" or \"full\"",
        "[profile.build-override]\\ncodegen-units = 0|bo.toml:4: codegen-units must be between 1"
            + " and 100000, was 0",
        "[profile.build-override]\\nlto = true|bo.toml:4: unknown key 'profile.build-override.lto'"
            + " (known: codegen-units, debug, opt-level)",
        "[profile]\\nbuild-override = 1|bo.toml:4: build-override must be a table: write"
            + " [profile.build-override]",
        "[profile]\\nbuild_override_debug = 2\\n[profile.build-override]\\ndebug = 0|bo.toml:4:"
            + " build_override_debug and [profile.build-override] debug disagree: give one"
      })
  void errors_nameFileAndLine(String profile, String expected) {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> parse(profile.replace("\\n", "\n")));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void set_reachesTheTable() throws Exception {
    Scenario sc = parse("");
    Scenario o3 = ScenarioOverrides.applyOne(sc, "profile.build-override.opt-level", "3");
    assertEquals(Optional.of("3"), o3.profile().buildOverride().optLevel());
    Scenario z = ScenarioOverrides.applyOne(o3, "profile.build-override.opt-level", "\"z\"");
    assertEquals(Optional.of("z"), z.profile().buildOverride().optLevel());
    Scenario d = ScenarioOverrides.applyOne(o3, "profile.build-override.debug", "line-tables-only");
    assertEquals(
        new BuildOverrideSettings(Optional.of("3"), Optional.of(1), Optional.empty()),
        d.profile().buildOverride());
    Scenario n = ScenarioOverrides.applyOne(d, "profile.build-override.codegen-units", "16");
    assertEquals(Optional.of(16), n.profile().buildOverride().codegenUnits());
    Scenario old = ScenarioOverrides.applyOne(sc, "profile.build_override_debug", "2");
    assertEquals(Optional.of(2), old.profile().buildOverride().debug());
    assertThrows(
        IllegalArgumentException.class,
        () -> ScenarioOverrides.applyOne(sc, "profile.build-override.opt-level", "4"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ScenarioOverrides.applyOne(sc, "profile.build-override.codegen-units", "0"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScenarioOverrides.applyOne(sc, "profile.build-override.lto", "fat"));
    assertTrue(e.getMessage().contains("opt-level, debug, codegen-units"), e.getMessage());
  }

  @Test
  void writer_roundTrips() throws Exception {
    for (String profile :
        List.of(
            "[profile.build-override]\nopt-level = \"s\"\ndebug = \"line-tables-only\"\n"
                + "codegen-units = 4",
            "[profile]\nlto = \"fat\"\n[profile.build-override]\nopt-level = 3",
            "[profile]\nbuild_override_debug = 0",
            "[profile]\nlinker = \"lld\"")) {
      Scenario sc = parse(profile);
      String text = ScenarioWriter.write(sc, List.of());
      Scenario back = ScenarioReader.parse(text, "back.toml");
      assertEquals(sc.profile(), back.profile(), text);
      assertEquals(
          !sc.profile().buildOverride().isEmpty(), text.contains("[profile.build-override]"), text);
      assertTrue(!text.contains("build_override_debug"), text);
    }
    // only the table: no empty [profile]
    String text = ScenarioWriter.write(parse("[profile.build-override]\ndebug = 2"), List.of());
    assertTrue(text.contains("\n[profile.build-override]\ndebug = 2\n"), text);
    assertTrue(!text.contains("[profile]"), text);
  }
}
