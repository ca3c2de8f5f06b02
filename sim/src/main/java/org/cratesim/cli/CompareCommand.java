package org.cratesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.cargo.ChainLink;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.strategy.Strategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim compare SCENARIO --strategy A --strategy B}: strategies side by side. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Runs a scenario as a baseline (every strategy off) and with each named "
        + "strategy on (same build kind, same random numbers), and prints the wall time, the "
        + "change against the baseline, and what left or joined the critical path.")
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (TOML).")
  Path scenarioFile;

  @Option(names = "--strategy", required = true, paramLabel = "NAME",
      description = "A strategy to compare (repeatable); 'a+b' switches on both together; "
          + "NAME:key=value,... sets parameters, e.g. wasm-proc-macros:runtime=jit.")
  List<String> strategies = new ArrayList<>();

  @Option(names = "--build-kind", paramLabel = "KIND",
      description = "clean, warm, incremental or noop (default: the scenario's).")
  String buildKind;

  @Option(names = "--edit", paramLabel = "CRATE", description = "Edited crate (repeatable).")
  List<String> edits = new ArrayList<>();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Override cargo -j.")
  Integer jobs;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (default), csv (one row per strategy, baseline first) or json.")
  String format = "text";

  @Override
  public Integer call() throws Exception {
    if (!List.of("text", "csv", "json").contains(format)) {
      throw new BadInputException("--format: expected text, csv or json, got '" + format + "'");
    }
    Scenario sc = ScenarioReader.read(scenarioFile);
    sc = Overrides.apply(sc, jobs, null);
    sc = Overrides.rebuild(sc, buildKind, edits);
    Scenario base = Strategies.disableAll(sc);
    // every variant is checked before anything runs or prints
    List<Scenario> variants = new ArrayList<>();
    for (String spec : strategies) {
      Scenario s = base;
      for (String name : spec.split("\\+")) {
        s = Overrides.strategies(s, List.of(name.trim()));
      }
      variants.add(s);
    }
    BuildResult b = BuildSimulator.simulate(base);
    List<BuildResult> results = new ArrayList<>();
    for (Scenario s : variants) {
      results.add(BuildSimulator.simulate(s));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      var root = mapper.createObjectNode();
      root.put("scenario", sc.name());
      root.put("build_kind", sc.rebuild().kind().id());
      root.put("mode", sc.build().mode().id());
      root.put("jobs", sc.build().jobs());
      var rows = root.putArray("rows");
      var base0 = rows.addObject();
      base0.put("strategy", "baseline");
      base0.put("wall_s", b.wallNanos() / 1e9);
      base0.put("delta_s", 0.0);
      base0.put("change_pct", 0.0);
      chain(b).forEach(base0.putArray("critical_path")::add);
      for (int i = 0; i < variants.size(); i++) {
        BuildResult r = results.get(i);
        double delta = (r.wallNanos() - b.wallNanos()) / 1e9;
        var o = rows.addObject();
        o.put("strategy", strategies.get(i));
        o.put("wall_s", r.wallNanos() / 1e9);
        o.put("delta_s", delta);
        o.put("change_pct", 100 * delta / (b.wallNanos() / 1e9));
        chain(r).forEach(o.putArray("critical_path")::add);
      }
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      out.flush();
      return 0;
    }
    if (format.equals("csv")) {
      out.println("strategy,wall_s,delta_s,change_pct,critical_path");
      out.printf(Locale.ROOT, "baseline,%.6f,0,0,%s%n", b.wallNanos() / 1e9,
          String.join(" -> ", chain(b)).replace("\"", "'"));
      for (int i = 0; i < variants.size(); i++) {
        BuildResult r = results.get(i);
        double delta = (r.wallNanos() - b.wallNanos()) / 1e9;
        out.printf(Locale.ROOT, "%s,%.6f,%.6f,%.3f,%s%n", org.cratesim.report.Csv.field(strategies.get(i)),
            r.wallNanos() / 1e9,
            delta, 100 * delta / (b.wallNanos() / 1e9),
            String.join(" -> ", chain(r)).replace("\"", "'"));
      }
      out.flush();
      return 0;
    }
    out.printf(Locale.ROOT, "%s: %s build, %s, -j%d%n", sc.name(), sc.rebuild().kind().id(),
        sc.build().mode().id(), sc.build().jobs());
    int w = Math.max(24, strategies.stream().mapToInt(String::length).max().orElse(0));
    String row = "  %-" + w + "s %9.3f ";
    out.printf(Locale.ROOT, "  %-" + w + "s %9s %9s %8s%n", "strategy", "wall (s)", "delta (s)",
        "change");
    out.printf(Locale.ROOT, row + "%9s %8s%n", "baseline (no strategy)",
        b.wallNanos() / 1e9, "-", "-");
    List<String> moves = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      String spec = strategies.get(i);
      BuildResult r = results.get(i);
      double delta = (r.wallNanos() - b.wallNanos()) / 1e9;
      out.printf(Locale.ROOT, row + "%+9.3f %+7.1f%%%n", spec, r.wallNanos() / 1e9,
          delta, 100 * delta / (b.wallNanos() / 1e9));
      Set<String> before = chain(b);
      Set<String> after = chain(r);
      Set<String> left = new LinkedHashSet<>(before);
      left.removeAll(after);
      Set<String> joined = new LinkedHashSet<>(after);
      joined.removeAll(before);
      moves.add(String.format(Locale.ROOT, "  %s: critical path %s; left it: %s; joined it: %s",
          spec, String.join(" -> ", after), left.isEmpty() ? "-" : String.join(", ", left),
          joined.isEmpty() ? "-" : String.join(", ", joined)));
    }
    out.println();
    out.println("What moved on the critical path:");
    out.printf(Locale.ROOT, "  baseline: %s%n", String.join(" -> ", chain(b)));
    moves.forEach(out::println);
    out.flush();
    return 0;
  }

  /** The units on the simulated critical path that did work, in order. */
  private static Set<String> chain(BuildResult r) {
    Set<String> out = new LinkedHashSet<>();
    for (ChainLink l : r.criticalChain()) {
      if (l.unit() >= 0 && l.toNanos() > l.fromNanos()) {
        out.add(r.units().get(l.unit()).unit().label());
      }
    }
    return out;
  }
}
