package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input that broke the promise (issue 16's list and what the fuzz tests found), kept as a
 * case of {@code src/test/resources/fuzz/regressions/cases.txt}: the exit code, one error line with
 * the expected words, nothing left in the output folder.
 */
class RegressionCorpusTest {
  private static final Path IN = Path.of("src", "test", "resources", "fuzz", "regressions");

  @TempDir Path tmp;

  static Stream<Arguments> cases() throws IOException {
    return Files.readAllLines(IN.resolve("cases.txt"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.split("\\|", 4))
        .map(p -> Arguments.of(p[0].strip(), Integer.parseInt(p[1].strip()), p[2].strip(), p[3]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keepsThePromise(String name, int code, String fragment, String command) throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    String[] args =
        Arrays.stream(command.strip().split("\\s+"))
            .map(a -> a.replace("{in}", IN.toString()).replace("{out}", out.toString()))
            .toArray(String[]::new);
    Promise.Outcome o = Promise.exec(args);
    assertNull(Promise.broken(o, out), name);
    assertEquals(code, o.code(), o.err());
    assertTrue(o.err().contains(fragment), name + ": expected '" + fragment + "' in " + o.err());
  }

  @Test
  void aTenMillionCharacterName_isBadInput_notOutOfMemory() throws IOException {
    Path f = tmp.resolve("long.toml");
    Files.writeString(
        f, "[build]\njobs = 2\n[[crate]]\nname = \"" + "x".repeat(10_000_000) + "\"\n");
    Promise.Outcome o = Promise.exec("run", f.toString());
    assertNull(Promise.broken(o, tmp.resolve("none")));
    assertTrue(o.err().contains("long.toml:4: a string of more than 65536 characters"), o.err());
  }

  @Test
  void aPathWithALineBreak_staysOneLine() {
    Promise.Outcome o = Promise.exec("run", tmp.resolve("no\nsuch.toml").toString());
    assertNull(Promise.broken(o, tmp.resolve("none")));
    assertTrue(o.err().contains("no such file"), o.err());
  }

  @Test
  void aHugeCycle_isAbbreviated() throws IOException {
    StringBuilder sb = new StringBuilder("[build]\njobs = 2\n");
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      sb.append("[[crate]]\nname = \"c")
          .append(i)
          .append("\"\nfrontend_s = 1\ndeps = [\"c")
          .append((i + 1) % n)
          .append("\"]\n");
    }
    Path f = tmp.resolve("cycle.toml");
    Files.writeString(f, sb);
    Promise.Outcome o = Promise.exec("run", f.toString());
    assertNull(Promise.broken(o, tmp.resolve("none")));
    assertTrue(o.err().contains("dependency cycle of 20000 crates: c0 -> c1"), o.err());
    assertTrue(o.err().length() < 400, o.err());
  }

  @Test
  void aFailingSweepStart_leavesNothingThatBlocksARerun() throws IOException {
    Path out = tmp.resolve("sw");
    Promise.Outcome o =
        Promise.exec("sweep", IN.resolve("total-work.toml").toString(), "-o", out.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(!Files.exists(out), "the sweep folder stays absent");
  }
}
