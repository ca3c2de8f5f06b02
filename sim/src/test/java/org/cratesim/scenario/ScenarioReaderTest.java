package org.cratesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cratesim.model.CrateKind;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
  private static final String HEADER = "[build]\njobs = 2\n";

  private static ScenarioException fail(String toml) {
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioReader.parse(toml, "bad.toml"));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith("bad.toml:"), e.getMessage());
    return e;
  }

  @Test
  void parse_minimalScenario_appliesDefaults() throws Exception {
    Scenario sc =
        ScenarioReader.parse(HEADER + "[[crate]]\nname = \"a\"\nfrontend_s = 1\n", "ok.toml");
    assertEquals("ok", sc.name());
    assertEquals(Mode.DEBUG, sc.build().mode());
    assertEquals(0.0, sc.build().startupS());
    assertEquals("cargo", sc.build().scheduling().id());
    assertEquals(CrateKind.LIB, sc.crates().get(0).kind());
    assertEquals(256, sc.crates().get(0).phases().codegenUnitsFor(Mode.DEBUG));
    assertEquals(16, sc.crates().get(0).phases().codegenUnitsFor(Mode.RELEASE));
  }

  @Test
  void parse_unknownKey_namesKeyAndLine() {
    ScenarioException e = fail(HEADER + "[[crate]]\nname = \"a\"\nfrontend_s = 1\nfrontnd_s = 2\n");
    assertEquals(6, e.line());
    assertTrue(e.getMessage().contains("unknown key 'crate.frontnd_s'"), e.getMessage());
  }

  @Test
  void parse_wrongType_saysWhatWasFound() {
    ScenarioException e =
        fail("[build]\njobs = \"four\"\n[[crate]]\nname = \"a\"\nfrontend_s = 1\n");
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("jobs must be a whole number, was the string \"four\""));
  }

  @Test
  void parse_missingRequired_isReported() {
    assertTrue(
        fail("[build]\n[[crate]]\nname = \"a\"\nfrontend_s = 1\n")
            .getMessage()
            .contains("needs jobs"));
    ScenarioException e = fail(HEADER + "[[crate]]\nname = \"a\"\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("crate 'a' needs frontend_s"));
    assertTrue(fail(HEADER).getMessage().contains("no [[crate]]"));
  }

  @Test
  void parse_unknownDependency_namesBoth() {
    ScenarioException e =
        fail(
            HEADER
                + "[[crate]]\nname = \"a\"\nfrontend_s = 1\n[[crate]]\nname = \"b\"\ndeps = [\"a\", \"zz\"]\nfrontend_s = 1\n");
    assertEquals(6, e.line());
    assertTrue(e.getMessage().contains("crate 'b' depends on unknown crate 'zz'"));
  }

  @Test
  void parse_duplicateName_pointsAtSecond() {
    ScenarioException e =
        fail(
            HEADER
                + "[[crate]]\nname = \"a\"\nfrontend_s = 1\n[[crate]]\nname = \"a\"\nfrontend_s = 1\n");
    assertEquals(7, e.line());
    assertTrue(e.getMessage().contains("duplicate crate 'a' (first declared at line 3)"));
  }

  @Test
  void parse_negativeTime_isRejected() {
    ScenarioException e = fail(HEADER + "[[crate]]\nname = \"a\"\nfrontend_s = -1\n");
    assertEquals(5, e.line());
    assertTrue(e.getMessage().contains("frontend_s must not be negative"));
  }

  @Test
  void parse_cycle_namesItsMembers() {
    ScenarioException e =
        fail(
            HEADER
                + "[[crate]]\nname = \"x\"\nfrontend_s = 1\n"
                + "[[crate]]\nname = \"a\"\ndeps = [\"c\"]\nfrontend_s = 1\n"
                + "[[crate]]\nname = \"b\"\ndeps = [\"a\"]\nfrontend_s = 1\n"
                + "[[crate]]\nname = \"c\"\ndeps = [\"b\", \"x\"]\nfrontend_s = 1\n");
    assertTrue(e.getMessage().contains("dependency cycle: a -> c -> b -> a"), e.getMessage());
    assertEquals(6, e.line());
  }

  @Test
  void parse_syntaxError_givesLine() {
    ScenarioException e = fail(HEADER + "[[crate]]\nname = \"a\nfrontend_s = 1\n");
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("TOML syntax"));
  }

  @Test
  void parse_badEnum_listsChoices() {
    assertTrue(
        fail("[build]\njobs = 2\nmode = \"fast\"\n[[crate]]\nname = \"a\"\nfrontend_s = 1\n")
            .getMessage()
            .contains("expected check, debug or release"));
    assertTrue(
        fail(HEADER + "[[crate]]\nname = \"a\"\nkind = \"dylib\"\nfrontend_s = 1\n")
            .getMessage()
            .contains("expected lib, proc-macro or bin"));
  }

  @Test
  void parse_buildScript_needsExactlyOneCostForm() {
    assertTrue(
        fail(HEADER + "[[crate]]\nname = \"a\"\nfrontend_s = 1\nbuild_script = { run_s = 1 }\n")
            .getMessage()
            .contains("needs either compile_s or frontend_s"));
    assertTrue(
        fail(HEADER
                + "[[crate]]\nname = \"a\"\nfrontend_s = 1\n"
                + "build_script = { compile_s = 1, deps = [\"nope\"] }\n")
            .getMessage()
            .contains("unknown crate 'nope'"));
  }

  @Test
  void parse_hostileCrateName_isJustAString() throws Exception {
    Scenario sc =
        ScenarioReader.parse(
            HEADER + "[[crate]]\nname = \"<script>alert(1)</script>\"\nfrontend_s = 1\n", "x.toml");
    assertEquals("<script>alert(1)</script>", sc.crates().get(0).name());
  }

  @Test
  void read_missingFile_isOneLine() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class, () -> ScenarioReader.read(Path.of("does/not/exist.toml")));
    assertEquals("does/not/exist.toml: no such file", e.getMessage());
  }
}
