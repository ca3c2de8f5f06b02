package org.cratesim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.cratesim.TestPaths;
import org.cratesim.cargo.UnitGraph;
import org.cratesim.cargo.UnitGraphBuilder;
import org.cratesim.cli.CratesimCommand;
import org.cratesim.engine.RandomStreams;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Noise, replications, common random numbers, sweeps and resuming. */
class SweepTest {
  @TempDir Path tmp;

  private static Scenario serde() throws Exception {
    return ScenarioReader.read(TestPaths.repo().resolve("scenarios/serde-like.toml"));
  }

  private static SweepSpec spec(int reps, boolean crn) throws Exception {
    LinkedHashMap<String, List<String>> p = new LinkedHashMap<>();
    p.put("jobs", List.of("2", "4"));
    p.put("strategy", List.of("none", "shared-cache"));
    return new SweepSpec(serde(), p, reps, 7, Noise.DEFAULT, crn);
  }

  private static SweepRunner.Outcome run(SweepSpec s, Path dir, boolean resume, int threads)
      throws Exception {
    return SweepRunner.run(s, dir, resume, new LocalExecutor(threads), n -> {});
  }

  @Test
  void points_cartesianProductFirstParameterSlowest() throws Exception {
    List<Map<String, String>> pts = spec(1, true).points();
    assertEquals(4, pts.size());
    assertEquals(Map.of("jobs", "2", "strategy", "none"), pts.get(0));
    assertEquals(Map.of("jobs", "2", "strategy", "shared-cache"), pts.get(1));
    assertEquals(Map.of("jobs", "4", "strategy", "shared-cache"), pts.get(3));
    assertEquals(4, spec(1, true).scenarioOf(pts.get(3)).build().jobs());
    assertThrows(
        IllegalArgumentException.class, () -> spec(1, true).scenarioOf(Map.of("jobs", "zero")));
    assertThrows(
        IllegalArgumentException.class,
        () -> spec(1, true).scenarioOf(Map.of("strategy", "turbo")));
    assertThrows(
        IllegalArgumentException.class, () -> spec(1, true).scenarioOf(Map.of("nonsense", "1")));
    assertEquals(
        "16",
        String.valueOf(
            spec(1, true)
                .scenarioOf(Map.of("codegen_units", "16"))
                .profile()
                .codegenUnits()
                .orElseThrow()));
  }

  @Test
  void noise_meanOneLognormal_noneLeavesTheGraph_sameKeySameDraw() throws Exception {
    SummaryStatistics s = new SummaryStatistics();
    RandomStreams rs = new RandomStreams(3, 0);
    for (int i = 0; i < 20000; i++) {
      s.addValue(Noise.factor(0.2, rs.normal("k" + i)));
    }
    assertEquals(1.0, s.getMean(), 0.01);
    assertEquals(0.2, s.getStandardDeviation(), 0.01);
    assertEquals(rs.normal("x"), new RandomStreams(3, 0).normal("x"));
    assertNotEquals(rs.normal("x"), new RandomStreams(3, 1).normal("x"));
    UnitGraph g = UnitGraphBuilder.build(serde());
    assertEquals(g, Noise.NONE.apply(g, rs, ""));
  }

  @Test
  void sameBytesOnOneOrTwoThreads() throws Exception {
    SweepSpec s = spec(6, true);
    run(s, tmp.resolve("a"), false, 1);
    run(s, tmp.resolve("b"), false, 2);
    for (String f : List.of("results.csv", "summary.csv", "sweep.txt")) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(f)),
          Files.readAllBytes(tmp.resolve("b").resolve(f)),
          f);
    }
    List<String> lines = Files.readAllLines(tmp.resolve("a/results.csv"));
    assertEquals(
        "point,replication,jobs,strategy,wall_s,dependency_bound_s,utilisation,"
            + "frontend_s,codegen_s,link_s",
        lines.get(0));
    assertEquals(1 + 4 * 6, lines.size());
  }

  @Test
  void resume_afterTornLineAndLostRows_givesTheUninterruptedFiles() throws Exception {
    SweepSpec s = spec(5, true);
    Path full = tmp.resolve("full");
    run(s, full, false, 2);
    Path cut = tmp.resolve("cut");
    Files.createDirectories(cut);
    Files.copy(full.resolve("sweep.txt"), cut.resolve("sweep.txt"));
    List<String> lines = Files.readAllLines(full.resolve("results.csv"));
    // a killed run: some rows in completion order, one duplicated, the last one torn
    List<String> kept =
        new ArrayList<>(
            List.of(lines.get(0), lines.get(7), lines.get(3), lines.get(3), lines.get(12)));
    String torn = lines.get(15).substring(0, lines.get(15).length() / 2);
    Files.writeString(
        cut.resolve("results.csv"), String.join("\n", kept) + "\n" + torn, StandardCharsets.UTF_8);
    SweepRunner.Outcome o = run(s, cut, true, 2);
    assertEquals(3, o.kept());
    assertEquals(20 - 3, o.ran());
    for (String f : List.of("results.csv", "summary.csv")) {
      assertArrayEquals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(cut.resolve(f)), f);
    }
    assertThrows(SweepRunner.SweepStateException.class, () -> run(s, cut, false, 1));
    assertThrows(SweepRunner.SweepStateException.class, () -> run(spec(6, true), cut, true, 1));
  }

  private static double ciWidth(List<SweepRow> rows, int point) {
    SummaryStatistics s = new SummaryStatistics();
    rows.stream().filter(r -> r.task().point() == point).forEach(r -> s.addValue(r.wallS()));
    double[] ci = SweepRunner.ci95(s);
    return ci[1] - ci[0];
  }

  @Test
  void confidenceIntervalShrinksWithReplications() throws Exception {
    double few = ciWidth(run(spec(5, true), tmp.resolve("few"), false, 2).rows(), 0);
    double many = ciWidth(run(spec(80, true), tmp.resolve("many"), false, 2).rows(), 0);
    assertTrue(many < few / 2, few + " -> " + many);
  }

  /** The CI half-width of the paired difference between points 0 and 1 (strategy off / on). */
  private static double differenceSd(List<SweepRow> rows) {
    Map<Integer, Double> a = new LinkedHashMap<>();
    Map<Integer, Double> b = new LinkedHashMap<>();
    for (SweepRow r : rows) {
      if (r.task().point() == 0) {
        a.put(r.task().replication(), r.wallS());
      } else if (r.task().point() == 1) {
        b.put(r.task().replication(), r.wallS());
      }
    }
    SummaryStatistics d = new SummaryStatistics();
    a.forEach((k, v) -> d.addValue(v - b.get(k)));
    return d.getStandardDeviation();
  }

  @Test
  void commonRandomNumbers_narrowTheDifferenceBetweenPoints() throws Exception {
    double crn = differenceSd(run(spec(40, true), tmp.resolve("crn"), false, 2).rows());
    double ind = differenceSd(run(spec(40, false), tmp.resolve("ind"), false, 2).rows());
    assertTrue(crn < ind / 2, crn + " vs " + ind);
  }

  private static int cli(StringWriter out, StringWriter err, String... args) {
    var cl = CratesimCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void cli_sweepFileAndErrors() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String file =
        TestPaths.repo().resolve("scenarios/sweeps/serde-cores-strategies.toml").toString();
    Path dir = tmp.resolve("cli");
    assertEquals(
        0,
        cli(out, err, "sweep", file, "--replications", "2", "-o", dir.toString()),
        err.toString());
    assertTrue(
        out.toString().startsWith("20 design points x 2 replications: 40 runs"), out.toString());
    assertEquals(41, Files.readAllLines(dir.resolve("results.csv")).size());
    assertEquals(2, cli(out, err, "sweep", file, "-o", dir.toString()));
    assertTrue(err.toString().contains("--resume"), err.toString());
    String scen = TestPaths.repo().resolve("scenarios/tiny.toml").toString();
    assertEquals(
        2, cli(out, err, "sweep", scen, "--vary", "jobs", "-o", tmp.resolve("x").toString()));
    assertEquals(
        2,
        cli(
            out,
            err,
            "sweep",
            scen,
            "--vary",
            "strategy=turbo",
            "-o",
            tmp.resolve("y").toString()));
    assertTrue(err.toString().contains("unknown strategy 'turbo'"), err.toString());
    Path bad = tmp.resolve("bad.toml");
    Files.writeString(bad, "scenario = \"" + scen + "\"\nreplicas = 3\n");
    assertEquals(2, cli(out, err, "sweep", bad.toString(), "-o", tmp.resolve("z").toString()));
    assertTrue(err.toString().contains("bad.toml:2: unknown key 'replicas'"), err.toString());
  }

  @Test
  void report_chartsAndMarkdownOfASweep() throws Exception {
    Path dir = tmp.resolve("rep");
    run(spec(3, true), dir, false, 2);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, cli(out, err, "report", dir.toString()), err.toString());
    for (String f : List.of("wall.png", "wall.svg", "speedup.png", "speedup.svg")) {
      assertTrue(Files.size(dir.resolve(f)) > 1000, f);
    }
    var img = javax.imageio.ImageIO.read(dir.resolve("wall.png").toFile());
    assertEquals(900, img.getWidth());
    assertTrue(Files.readString(dir.resolve("wall.svg")).contains("<svg"));
    List<String> md = Files.readAllLines(dir.resolve("summary.md"));
    assertEquals(1 + 1 + 4, md.size());
    assertTrue(md.get(0).startsWith("| jobs | strategy | n | wall mean (s)"), md.get(0));
    assertEquals(2, cli(out, err, "report", tmp.resolve("nothing").toString()));
  }
}
