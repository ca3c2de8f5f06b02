package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SplitMergeCommandTest {
  static final String SCENARIO =
      """
      name = "cli"

      [build]
      jobs = 4

      [[crate]]
      name = "derive"
      kind = "proc-macro"
      loc = 400

      [[crate]]
      name = "core"
      deps = ["derive"]
      loc = 20000
      macro_invocations = { derive = 40 }
      own_instantiations = 900
      build_script = { compile_s = 0.3, run_s = 0.1 }

      [[crate]]
      name = "app"
      kind = "bin"
      deps = ["core"]
      loc = 3000
      upstream_instantiations = { core = 200 }

      [[crate]]
      name = "secs"
      frontend_s = 1.0
      """;

  @TempDir Path tmp;
  Path input;

  record Outcome(int code, String out, String err) {}

  /** Runs cratesim as the CLI tests do. */
  static Outcome exec(String... args) {
    CliTest.Outcome o = CliTest.exec(args);
    return new Outcome(o.code(), o.out(), o.err());
  }

  @BeforeEach
  void writeInput() throws Exception {
    input = tmp.resolve("in.toml");
    Files.writeString(input, SCENARIO, StandardCharsets.UTF_8);
  }

  static List<CrateSpec> crates(Scenario sc) {
    return sc.crates().stream()
        .map(
            c ->
                new CrateSpec(
                    c.name(),
                    c.version(),
                    c.kind(),
                    c.deps(),
                    c.phases(),
                    c.size(),
                    c.buildScript(),
                    c.builtFor(),
                    0))
        .toList();
  }

  static void assertOneLineError(Outcome o, String expected) {
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains(expected), o.err());
  }

  @Test
  void split_writesAScenarioThatReadsBack_andComparesBothBuilds() throws Exception {
    Path out = tmp.resolve("split.toml");
    Outcome o =
        exec("split", input.toString(), "--crate", "core", "--into", "3", "-o", out.toString());
    assertEquals(0, o.code(), o.err());
    Scenario sc = ScenarioReader.read(out);
    assertEquals(
        List.of("derive", "core-1", "core-2", "core-3", "app", "secs"),
        sc.crates().stream().map(CrateSpec::name).toList());
    assertEquals(List.of("core-1", "core-2", "core-3"), sc.crates().get(4).deps());
    String text = Files.readString(out);
    assertTrue(text.startsWith("# cratesim split crate 'core'"), text);
    assertTrue(text.contains("--crates core-1,core-2,core-3 --into core"), text);
    for (String s :
        List.of(
            "before",
            "after",
            "wall time",
            "dependency bound",
            "front-end time",
            "codegen time",
            "parallelism",
            "work",
            out.toString())) {
      assertTrue(o.out().contains(s), s + " in:\n" + o.out());
    }
  }

  @Test
  void splitThenMerge_restoresTheCrates() throws Exception {
    Path split = tmp.resolve("split.toml");
    Path merged = tmp.resolve("merged.toml");
    assertEquals(
        0,
        exec(
                "split",
                input.toString(),
                "--crate",
                "core",
                "--into",
                "4",
                "--shape",
                "chain",
                "--duplication",
                "0.8",
                "-o",
                split.toString())
            .code());
    Outcome o =
        exec(
            "merge",
            split.toString(),
            "--crates",
            "core-1,core-2,core-3,core-4",
            "--into",
            "core",
            "-o",
            merged.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("wall time"), o.out());
    Scenario original = ScenarioReader.read(input);
    Scenario back = ScenarioReader.read(merged);
    assertEquals(crates(original), crates(back));
    assertEquals(original.name(), back.name());
    assertEquals(original.build(), back.build());
  }

  @Test
  void split_ofABin_withUpperCaseShape() throws Exception {
    Path out = tmp.resolve("app.toml");
    Outcome o =
        exec(
            "split",
            input.toString(),
            "--crate",
            "app",
            "--into",
            "2",
            "--shape",
            "WIDE",
            "-o",
            out.toString());
    assertEquals(0, o.code(), o.err());
    Scenario sc = ScenarioReader.read(out);
    assertEquals(CrateKind.BIN, sc.crates().get(3).kind());
    assertEquals("app-2", sc.crates().get(3).name());
  }

  @Test
  void split_unknownCrate_exits2WithOneLine() {
    Path out = tmp.resolve("o.toml");
    assertOneLineError(
        exec("split", input.toString(), "--crate", "nope", "--into", "2", "-o", out.toString()),
        "unknown crate 'nope'");
    assertFalse(Files.exists(out));
  }

  @Test
  void split_badRequests_exit2WithOneLine() {
    String o = tmp.resolve("o.toml").toString();
    assertOneLineError(
        exec("split", input.toString(), "--crate", "core", "--into", "1", "-o", o),
        "at least 2 parts");
    assertOneLineError(
        exec(
            "split",
            input.toString(),
            "--crate",
            "secs",
            "--into",
            "2",
            "--generic-share",
            "1.5",
            "-o",
            o),
        "generic share must be between 0 and 1");
    assertOneLineError(
        exec("split", input.toString(), "--crate", "derive", "--into", "2", "-o", o), "proc-macro");
    assertOneLineError(
        exec(
            "split",
            input.toString(),
            "--crate",
            "core",
            "--into",
            "2",
            "--shape",
            "star",
            "-o",
            o),
        "--shape must be wide or chain");
    assertOneLineError(
        exec(
            "split",
            input.toString(),
            "--crate",
            "core",
            "--into",
            "2",
            "--duplication",
            "-1",
            "-o",
            o),
        "duplication");
  }

  @Test
  void split_missingOptionsOrFile_exit2() {
    Outcome o = exec("split", input.toString(), "--crate", "core", "--into", "2");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("--output"), o.err());
    assertOneLineError(
        exec(
            "split",
            tmp.resolve("missing.toml").toString(),
            "--crate",
            "core",
            "--into",
            "2",
            "-o",
            tmp.resolve("o.toml").toString()),
        "no such file");
    assertOneLineError(
        exec(
            "split",
            input.toString(),
            "--crate",
            "core",
            "--into",
            "2",
            "-o",
            tmp.resolve("no/such/dir/o.toml").toString()),
        "cannot write");
  }

  @Test
  void merge_badRequests_exit2WithOneLine() {
    String o = tmp.resolve("o.toml").toString();
    assertOneLineError(
        exec("merge", input.toString(), "--crates", "derive,core", "--into", "x", "-o", o),
        "different kinds");
    assertOneLineError(
        exec("merge", input.toString(), "--crates", "core,app", "--into", "derive", "-o", o),
        "already exists");
    assertOneLineError(
        exec("merge", input.toString(), "--crates", "core,ghost", "--into", "x", "-o", o),
        "unknown crate 'ghost'");
    assertOneLineError(
        exec("merge", input.toString(), "--crates", "core,secs", "--into", "x", "-o", o),
        "described by their size (loc)");
  }

  @Test
  void help_isAvailable() {
    Outcome s = exec("split", "--help");
    assertEquals(0, s.code());
    assertTrue(s.out().contains("--duplication"), s.out());
    Outcome m = exec("merge", "--help");
    assertEquals(0, m.code());
    assertTrue(m.out().contains("--crates"), m.out());
  }

  @Test
  void commandsRunStandalone() throws Exception {
    Path out = tmp.resolve("standalone.toml");
    CommandLine cl = new CommandLine(new SplitCommand());
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertEquals(
        0, cl.execute(input.toString(), "--crate", "core", "--into", "2", "-o", out.toString()));
    assertEquals(5, ScenarioReader.read(out).crates().size());
  }
}
