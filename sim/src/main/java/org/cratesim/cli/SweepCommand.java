package org.cratesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.sweep.LocalExecutor;
import org.cratesim.sweep.Noise;
import org.cratesim.sweep.SweepRow;
import org.cratesim.sweep.SweepRunner;
import org.cratesim.sweep.SweepSpec;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim sweep}: a grid of design points × replications, resumable. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = "Runs every combination of the varied parameters (first one slowest), each "
        + "replicated with run-to-run noise, in parallel; writes OUT/results.csv (one row per "
        + "point and replication), OUT/summary.csv (n, mean, sd, 95 %% CI of the wall time) and "
        + "OUT/sweep.txt. Identical files on any number of threads; --resume finishes a sweep "
        + "that was killed.",
    footer = {"", "Examples:",
        "  cratesim sweep scenarios/serde-like.toml --vary jobs=1,2,4,8 "
            + "--vary strategy=none,shared-cache --replications 30 -o out/",
        "  cratesim sweep scenarios/sweeps/serde-cores-strategies.toml -o out/",
        "Parameters: jobs, mode, build_kind, strategy (none, NAME, a+b, NAME:key=value), "
            + "a profile key (codegen_units, lto, opt_level, linker, ...) or any TABLE.KEY "
            + "of run --set."})
public final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "A scenario, or a sweep file (scenario = \"...\", [vary], replications, "
          + "seed, [noise]).")
  Path file;

  @Option(names = "--vary", paramLabel = "KEY=V1,V2,...",
      description = "A parameter and its values (repeatable).")
  List<String> vary = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Directory for the results.")
  Path out;

  @Option(names = "--replications", paramLabel = "N",
      description = "Replications per point (default: the sweep file's, else 10).")
  Integer replications;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the file's, else 1).")
  Long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--resume", description = "Finish the sweep already in OUT.")
  boolean resume;

  @Option(names = "--no-noise", description = "No run-to-run variability (every replication "
      + "is the same build).")
  boolean noNoise;

  @Option(names = "--independent", description = "Independent random numbers per design "
      + "point instead of common random numbers.")
  boolean independent;

  @Override
  public Integer call() throws Exception {
    SweepSpec s = spec();
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new BadInputException("--threads must be >= 1");
    }
    int total = s.points().size() * s.replications();
    SweepRunner.Outcome o;
    try (ValidateCommand.Progress bar = new ValidateCommand.Progress("sweep", total)) {
      o = SweepRunner.run(s, out, resume, new LocalExecutor(n), bar::stepTo);
    } catch (SweepRunner.SweepStateException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "%d design points x %d replications: %d runs (%d kept from before)%n",
        s.points().size(), s.replications(), o.ran() + o.kept(), o.kept());
    printSummary(w, s, o.rows());
    w.printf(Locale.ROOT, "Wrote %s, %s%n", out.resolve("results.csv"),
        out.resolve("summary.csv"));
    w.flush();
    return 0;
  }

  private void printSummary(PrintWriter w, SweepSpec s, List<SweepRow> rows) {
    var points = s.points();
    List<SummaryStatistics> st = new ArrayList<>();
    points.forEach(p -> st.add(new SummaryStatistics()));
    rows.forEach(r -> st.get(r.task().point()).addValue(r.wallS()));
    int shown = Math.min(points.size(), 40);
    w.printf(Locale.ROOT, "  %-50s %10s %21s%n", "point", "wall mean", "95 % CI");
    for (int p = 0; p < shown; p++) {
      StringBuilder name = new StringBuilder();
      points.get(p).forEach((k, v) -> name.append(k).append('=').append(v).append(' '));
      double[] ci = SweepRunner.ci95(st.get(p));
      w.printf(Locale.ROOT, "  %-50s %9.3fs %21s%n", name.toString().strip(),
          st.get(p).getMean(), ci == null ? "-"
              : String.format(Locale.ROOT, "[%.3f, %.3f]", ci[0], ci[1]));
    }
    if (shown < points.size()) {
      w.printf(Locale.ROOT, "  ... %d more points in summary.csv%n", points.size() - shown);
    }
  }

  private SweepSpec spec() throws IOException, ScenarioException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    }
    TomlParseResult toml = Toml.parse(text);
    LinkedHashMap<String, List<String>> params = new LinkedHashMap<>();
    Scenario sc;
    int reps = 10;
    long sd = 1;
    Noise noise = Noise.DEFAULT;
    if (!toml.hasErrors() && toml.contains("scenario") && !toml.contains("crate")) {
      String src = file.toString();
      Object scen = toml.get("scenario");
      if (!(scen instanceof String)) {
        throw new ScenarioException(src, line(toml, "scenario"), "scenario must be a path");
      }
      for (String k : toml.keySet()) {
        if (!List.of("scenario", "replications", "seed", "vary", "noise").contains(k)) {
          throw new ScenarioException(src, line(toml, k), "unknown key '" + k
              + "' (known: scenario, replications, seed, [vary], [noise])");
        }
      }
      Path base = file.toAbsolutePath().getParent();
      sc = ScenarioReader.read(base.resolve((String) scen).normalize());
      if (toml.contains("replications")) {
        reps = (int) integer(toml, src, "replications");
      }
      if (toml.contains("seed")) {
        sd = integer(toml, src, "seed");
      }
      TomlTable v = toml.getTable("vary");
      if (v != null) {
        for (String k : v.keySet()) {
          Object o = v.get(List.of(k));
          List<String> vals = new ArrayList<>();
          if (o instanceof TomlArray) {
            TomlArray a = (TomlArray) o;
            for (int i = 0; i < a.size(); i++) {
              vals.add(scalar(a.get(i)));
            }
          } else {
            vals.add(scalar(o));
          }
          params.put(k, vals);
        }
      }
      TomlTable nz = toml.getTable("noise");
      if (nz != null) {
        double[] x = {noise.buildCv(), noise.frontendCv(), noise.codegenCv(), noise.linkCv()};
        String[] keys = {"build_cv", "frontend_cv", "codegen_cv", "link_cv"};
        for (String k : nz.keySet()) {
          int i = List.of(keys).indexOf(k);
          Object o = nz.get(List.of(k));
          if (i < 0 || !(o instanceof Number)) {
            throw new ScenarioException(src, line(toml, "noise." + k), "noise." + k
                + ": expected one of build_cv, frontend_cv, codegen_cv, link_cv with a number");
          }
          x[i] = ((Number) o).doubleValue();
        }
        try {
          noise = new Noise(x[0], x[1], x[2], x[3]);
        } catch (IllegalArgumentException e) {
          throw new ScenarioException(src, line(toml, "noise"), e.getMessage());
        }
      }
    } else {
      sc = ScenarioReader.read(file);
    }
    for (String v : vary) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new BadInputException("--vary " + v + ": write KEY=V1,V2,...");
      }
      params.put(v.substring(0, eq).trim(), List.of(v.substring(eq + 1).split(",")));
    }
    if (replications != null) {
      reps = replications;
    }
    if (seed != null) {
      sd = seed;
    }
    if (noNoise) {
      noise = Noise.NONE;
    }
    try {
      SweepSpec s = new SweepSpec(sc, params, reps, sd, noise, !independent);
      s.points().forEach(p -> {
        try {
          s.scenarioOf(p);
        } catch (IllegalArgumentException e) {
          StringBuilder d = new StringBuilder();
          p.forEach((k, val) -> d.append(' ').append(k).append('=').append(val));
          throw new BadInputException("--vary" + d + ": " + e.getMessage());
        }
      });
      return s;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private static int line(TomlParseResult t, String key) {
    var pos = t.inputPositionOf(key);
    return pos == null ? 0 : pos.line();
  }

  private static long integer(TomlParseResult t, String src, String key)
      throws ScenarioException {
    Object o = t.get(key);
    if (!(o instanceof Long) || (Long) o < 0) {
      throw new ScenarioException(src, line(t, key), key + " must be a non-negative integer");
    }
    return (Long) o;
  }

  private static String scalar(Object o) {
    if (o instanceof Double) {
      return java.math.BigDecimal.valueOf((Double) o).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(o);
  }
}
