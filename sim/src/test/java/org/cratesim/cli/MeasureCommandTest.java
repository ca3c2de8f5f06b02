package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.cratesim.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cratesim measure} with a fake cargo: a shell script that logs and writes a page. */
class MeasureCommandTest {
  @TempDir Path tmp;

  record Outcome(int code, String out, String err) {}

  static Outcome exec(String... args) {
    CommandLine cl = CratesimCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** A copy of the shipped hello workspace (the edit must not touch the repository). */
  private Path workspace() throws Exception {
    Path src = TestPaths.repo().resolve("sim/src/test/resources/measure/hello");
    Path ws = tmp.resolve("hello");
    Files.createDirectories(ws.resolve("src"));
    Files.copy(src.resolve("Cargo.toml"), ws.resolve("Cargo.toml"));
    Files.copy(src.resolve("src/main.rs"), ws.resolve("src/main.rs"));
    return ws;
  }

  /**
   * A fake cargo: answers --version; otherwise logs "$MARK args | last line of src/main.rs", fails
   * with 101 when FAIL is set, and writes a timing page under $CARGO_TARGET_DIR.
   */
  private Path fakeCargo() throws Exception {
    Path log = tmp.resolve("cargo.log");
    Path f = tmp.resolve("fake-cargo");
    Files.writeString(
        f,
        "#!/bin/sh\n"
            + "if [ \"$1\" = --version ]; then echo 'cargo 1.95.0 (fake)'; exit 0; fi\n"
            + "echo \"$MARK $* | $(tail -n 1 src/main.rs)\" >> '"
            + log
            + "'\n"
            + "if [ -n \"$FAIL\" ]; then echo 'error: boom'; exit 101; fi\n"
            + "mkdir -p \"$CARGO_TARGET_DIR/cargo-timings\"\n"
            + "sleep 0.02\n"
            + "echo \"<html>$MARK</html>\" > \"$CARGO_TARGET_DIR/cargo-timings/"
            + "cargo-timing-$(date +%s%N).html\"\n"
            + "echo '    Finished'\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  private List<String> log() throws Exception {
    return Files.readAllLines(tmp.resolve("cargo.log"));
  }

  @Test
  void clean_interleavesWritesCsvSummaryAndPages() throws Exception {
    Path ws = workspace();
    Path out = tmp.resolve("out");
    Outcome o =
        exec(
            "measure",
            ws.toString(),
            "--kind",
            "check",
            "--reps",
            "2",
            "-j",
            "2",
            "--variant",
            "base=MARK=a",
            "--variant",
            "nodebug=MARK=b CARGO_PROFILE_DEV_DEBUG=0 -j1",
            "--warm",
            "nodebug",
            "--cargo",
            fakeCargo().toString(),
            "--time",
            "none",
            "-o",
            out.toString());
    assertEquals(0, o.code(), o.err());
    String main = Files.readString(ws.resolve("src/main.rs"));
    assertEquals(
        List.of(
            "b check --timings -j1 | " + lastLine(main),
            "a check --timings -j2 | " + lastLine(main),
            "b check --timings -j1 | " + lastLine(main),
            "a check --timings -j2 | " + lastLine(main),
            "b check --timings -j1 | " + lastLine(main)),
        log());
    List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
    assertEquals("workspace,kind,jobs,rep,wall_s,rc,cpu_pct,maxrss_kb,cmd", rows.get(0));
    assertEquals(5, rows.size());
    assertTrue(
        rows.get(1)
            .matches("hello,check-base,2,1,\\d+\\.\\d{3},0,,,MARK=a cargo check --timings -j2"),
        rows.get(1));
    assertTrue(
        rows.get(2)
            .matches(
                "hello,check-nodebug,1,1,\\d+\\.\\d{3},0,,,"
                    + "MARK=b CARGO_PROFILE_DEV_DEBUG=0 cargo check --timings -j1"),
        rows.get(2));
    assertTrue(rows.get(4).startsWith("hello,check-nodebug,1,2,"), rows.get(4));
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals(3, summary.size());
    assertTrue(summary.get(1).startsWith("base,check-base,2,2,"), summary.get(1));
    assertTrue(summary.get(1).contains(",1.0000,"), summary.get(1));
    for (String p : List.of("base-r1", "base-r2", "nodebug-r1", "nodebug-r2", "nodebug-warm")) {
      assertTrue(Files.isRegularFile(out.resolve("timings/" + p + ".html")), p);
      assertTrue(Files.isRegularFile(out.resolve("logs/" + p + ".log")), p);
    }
    assertEquals("<html>b</html>\n", Files.readString(out.resolve("timings/nodebug-r2.html")));
    assertFalse(Files.exists(out.resolve("runs.partial.csv")));
    assertFalse(Files.exists(out.resolve("target")));
    // progress: a header line and one line per run
    List<String> progress = o.err().lines().toList();
    assertEquals(6, progress.size(), o.err());
    assertTrue(
        progress.get(1).matches("measure: nodebug warm-up \\d+\\.\\d\\d s \\(not recorded\\)"));
    assertTrue(progress.get(2).matches("measure: base r1 \\d+\\.\\d\\d s"), progress.get(2));
    assertTrue(o.out().contains("nodebug"), o.out());
    assertTrue(o.out().contains("vs base"), o.out());

    // a second measurement into the same OUT is refused, --force replaces it
    Outcome again =
        exec(
            "measure",
            ws.toString(),
            "--kind",
            "check",
            "--reps",
            "1",
            "--cargo",
            tmp.resolve("fake-cargo").toString(),
            "--time",
            "none",
            "-o",
            out.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("holds a previous measurement"), again.err());
    assertEquals(1, again.err().lines().count(), again.err());
    Outcome forced =
        exec(
            "measure",
            ws.toString(),
            "--kind",
            "check",
            "--reps",
            "1",
            "--cargo",
            tmp.resolve("fake-cargo").toString(),
            "--time",
            "none",
            "--format",
            "json",
            "--force",
            "-o",
            out.toString());
    assertEquals(0, forced.code(), forced.err());
    JsonNode j = new ObjectMapper().readTree(forced.out());
    assertEquals("cargo 1.95.0 (fake)", j.get("cargo").asText());
    assertEquals(List.of(), SchemaCheck.errors(j));
    assertEquals(1, j.get("variants").size());
    assertEquals("base", j.get("variants").get(0).get("variant").asText());
    assertEquals(1.0, j.get("variants").get(0).get("ratio_to_baseline").asDouble());
    assertEquals(1, j.get("runs").size());
    try (Stream<Path> pages = Files.list(out.resolve("timings"))) {
      assertEquals(1, pages.count());
    }
  }

  @Test
  void incremental_editsEachRunDifferentlyAndRestores() throws Exception {
    Path ws = workspace();
    String before = Files.readString(ws.resolve("src/main.rs"));
    Path out = tmp.resolve("out");
    Outcome o =
        exec(
            "measure",
            ws.toString(),
            "--kind",
            "incremental",
            "--edit",
            "src/main.rs",
            "--reps",
            "2",
            "-j",
            "1",
            "--variant",
            "a=MARK=a",
            "--variant",
            "b=MARK=b",
            "--cargo",
            fakeCargo().toString(),
            "--time",
            "none",
            "--keep-target",
            "-o",
            out.toString(),
            "--",
            "--release");
    assertEquals(0, o.code(), o.err());
    assertEquals(before, Files.readString(ws.resolve("src/main.rs")));
    assertEquals(
        List.of(
            "a build --timings -j1 --release | " + lastLine(before),
            "b build --timings -j1 --release | " + lastLine(before),
            "a build --timings -j1 --release | // cratesim measure a-r1",
            "b build --timings -j1 --release | // cratesim measure b-r1",
            "a build --timings -j1 --release | // cratesim measure a-r2",
            "b build --timings -j1 --release | // cratesim measure b-r2"),
        log());
    List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
    assertTrue(rows.get(1).startsWith("hello,incr-release-a,1,1,"), rows.get(1));
    assertTrue(Files.isDirectory(out.resolve("target/a/cargo-timings")));
    assertTrue(Files.isRegularFile(out.resolve("timings/b-prime.html")));
  }

  @Test
  void failingBuild_exit1_keepsPagesAndPartialNoCsv() throws Exception {
    Path ws = workspace();
    Path out = tmp.resolve("out");
    Outcome o =
        exec(
            "measure",
            ws.toString(),
            "--kind",
            "clean",
            "--reps",
            "2",
            "--variant",
            "ok=MARK=a",
            "--variant",
            "bad=FAIL=1",
            "--cargo",
            fakeCargo().toString(),
            "--time",
            "none",
            "-o",
            out.toString());
    assertEquals(1, o.code(), o.err());
    // one error line (progress lines may interleave with it on a busy machine)
    List<String> errors = o.err().lines().filter(l -> l.contains("cratesim: error:")).toList();
    assertEquals(1, errors.size(), o.err());
    assertTrue(
        errors.get(0).strip().startsWith("cratesim: error: bad-r1: cargo exited with 101"),
        o.err());
    assertFalse(Files.exists(out.resolve("runs.csv")));
    assertFalse(Files.exists(out.resolve("summary.csv")));
    assertTrue(Files.isRegularFile(out.resolve("timings/ok-r1.html")));
    assertEquals(2, Files.readAllLines(out.resolve("runs.partial.csv")).size());
    assertTrue(Files.readString(out.resolve("logs/bad-r1.log")).contains("error: boom"));
  }

  @Test
  void refusals_oneLineExitCodes() throws Exception {
    Path ws = workspace();
    Path out = tmp.resolve("out");
    Outcome missing =
        exec(
            "measure",
            ws.toString(),
            "--cargo",
            tmp.resolve("no-cargo").toString(),
            "-o",
            out.toString());
    assertEquals(2, missing.code());
    assertEquals(
        "cratesim: error: --cargo: no such file: " + tmp.resolve("no-cargo"), missing.err().trim());
    assertFalse(Files.exists(out));

    Path broken = tmp.resolve("broken-cargo");
    Files.writeString(broken, "#!/bin/sh\nexit 3\n");
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
    Outcome noAnswer =
        exec("measure", ws.toString(), "--cargo", broken.toString(), "-o", out.toString());
    assertEquals(1, noAnswer.code());
    assertTrue(noAnswer.err().startsWith("cratesim: error: "), noAnswer.err());
    assertTrue(noAnswer.err().contains("--version failed"), noAnswer.err());
    assertEquals(1, noAnswer.err().lines().count());
    assertFalse(Files.exists(out));

    Path cargo = fakeCargo();
    assertBad(
        "--kind incremental: --edit FILE is needed",
        "measure",
        ws.toString(),
        "--kind",
        "incremental",
        "--cargo",
        cargo.toString(),
        "-o",
        out.toString());
    assertBad(
        "--edit: no such file: " + ws.resolve("src/nope.rs"),
        "measure",
        ws.toString(),
        "--kind",
        "incremental-check",
        "--edit",
        "src/nope.rs",
        "--cargo",
        cargo.toString(),
        "-o",
        out.toString());
    assertBad(
        "--edit: only for the incremental kinds",
        "measure",
        ws.toString(),
        "--edit",
        "src/main.rs",
        "--cargo",
        cargo.toString(),
        "-o",
        out.toString());
    assertBad(
        tmp + ": not a cargo workspace (no Cargo.toml)",
        "measure",
        tmp.toString(),
        "--cargo",
        cargo.toString(),
        "-o",
        out.toString());
    assertBad(
        "--variant 'v=-j x': -j x is not a number of jobs",
        "measure",
        ws.toString(),
        "--variant",
        "v=-j x",
        "--cargo",
        cargo.toString(),
        "-o",
        out.toString());
    assertBad(
        "cargo arguments after --: give -j as measure's -j",
        "measure",
        ws.toString(),
        "--cargo",
        cargo.toString(),
        "-o",
        out.toString(),
        "--",
        "--release",
        "-j4");
    assertBad(
        "--warm: no variant named 'x'",
        "measure",
        ws.toString(),
        "--warm",
        "x",
        "--cargo",
        cargo.toString(),
        "-o",
        out.toString());
    assertBad(
        "--kind: expected clean, check, incremental or incremental-check, got 'warm'",
        "measure",
        ws.toString(),
        "--kind",
        "warm",
        "-o",
        out.toString());
    assertFalse(Files.exists(out));
    assertFalse(Files.exists(tmp.resolve("cargo.log")));
  }

  private static void assertBad(String start, String... args) {
    Outcome o = exec(args);
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().startsWith("cratesim: error: " + start), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
  }

  @Test
  void help_hasARunnableExample() {
    Outcome o = exec("measure", "--help");
    assertEquals(0, o.code());
    assertTrue(o.out().contains("cratesim measure sim/src/test/resources/measure/hello"));
    assertTrue(
        Files.isRegularFile(
            TestPaths.repo().resolve("sim/src/test/resources/measure/hello/Cargo.toml")));
  }

  private static String lastLine(String s) {
    List<String> l = s.lines().toList();
    return l.get(l.size() - 1);
  }
}
