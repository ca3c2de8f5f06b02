package org.cratesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cratesim.model.Scenario;
import org.junit.jupiter.api.Test;

/** The pre-scan before the TOML parser, and the crate-by-crate parse of large files. */
class TomlGuardTest {
  @Test
  void depthAndStringLength_areCountedOutsideStringsAndComments() throws Exception {
    TomlGuard.check(
        "a = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\" # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n",
        "x");
    TomlGuard.check("a = '''\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n'''\n", "x");
    ScenarioException deep =
        assertThrows(
            ScenarioException.class,
            () -> TomlGuard.check("\n\na = " + "[".repeat(33) + "]".repeat(33), "x.toml"));
    assertEquals("x.toml:3: arrays and tables nested more than 32 deep", deep.getMessage());
    ScenarioException longOne =
        assertThrows(
            ScenarioException.class,
            () -> TomlGuard.check("a = 1\nb = \"" + "y".repeat(70_000) + "\"\n", "x.toml"));
    assertEquals(2, longOne.line());
  }

  @Test
  void crateChunks_onlyWhenTheCratesComeLast() {
    String head = "[build]\njobs = 2\n";
    String crates = "[[crate]]\nname = \"a\"\n[crate.x]\n[[crate]] # b\nname = \"b\"\n";
    int[] chunks = TomlGuard.crateChunks(head + crates);
    assertEquals(2, chunks.length);
    assertEquals(head.length(), chunks[0]);
    assertNull(TomlGuard.crateChunks(head + crates + "[machine]\n"));
    assertNull(TomlGuard.crateChunks(head));
    // a header inside a multi-line string is not one
    assertEquals(
        1, TomlGuard.crateChunks(head + "s = \"\"\"\n[[crate]]\n\"\"\"\n[[crate]]\n").length);
  }

  @Test
  void aLargeFile_parsedCrateByCrate_isTheSameScenario_withTheSameLines() throws Exception {
    StringBuilder sb = new StringBuilder("name = \"big\"\n[build]\njobs = 4\n");
    for (int i = 0; i < 3000; i++) {
      sb.append("\n[[crate]]\nname = \"c")
          .append(i)
          .append("\"\n")
          .append(i > 0 ? "deps = [\"c" + (i / 2) + "\"]\n" : "")
          .append("frontend_s = 0.5\ncodegen_s = 0.25\n")
          .append(i % 7 == 0 ? "build_script = { compile_s = 0.1 }\n" : "");
    }
    String text = sb.toString();
    Scenario whole = ScenarioReader.parse(text, "big.toml", Integer.MAX_VALUE);
    Scenario chunked = ScenarioReader.parse(text, "big.toml", 0);
    assertEquals(whole, chunked);
    String bad = text + "\n[[crate]]\nname = \"late\"\nfrontend_s = -1\n";
    ScenarioException a =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioReader.parse(bad, "big.toml", Integer.MAX_VALUE));
    ScenarioException b =
        assertThrows(ScenarioException.class, () -> ScenarioReader.parse(bad, "big.toml", 0));
    assertEquals(a.getMessage(), b.getMessage());
    assertTrue(a.line() > 3000, a.getMessage());
  }
}
