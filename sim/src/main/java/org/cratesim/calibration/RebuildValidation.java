package org.cratesim.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.strategy.Strategies;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.cratesim.timings.UnitGraphFile;

/**
 * Predictions of own-2core-2026's rebuilds from its clean builds: each incremental build (touch the
 * top crate, the leaf or the middle one, then {@code cargo build} or {@code cargo check}) is
 * simulated from the clean page of the same mode and -j, imported with its unit graph, with the
 * workspace members from {@code cargo metadata}; and the "precompiled proc macros" builds (only the
 * proc-macro side built beforehand) from each clean page they were interleaved with, as the {@code
 * precompiled-proc-macros} strategy with no per-invocation overhead (the macros still ran
 * natively). Measured values are the medians of the repetitions in {@code runs.csv} and {@code
 * precompiled-macros-runs.csv}.
 */
public final class RebuildValidation {
  private RebuildValidation() {}

  /** An incremental build: simulated and measured (median, min, max of the repetitions). */
  public record IncrementalRow(
      String workspace,
      String kind,
      int jobs,
      String edit,
      double predictedS,
      double measuredS,
      double minS,
      double maxS) {
    public double error() {
      return predictedS / measuredS - 1;
    }
  }

  /** A precompiled-macros pair: clean and precompiled, predicted and measured (medians). */
  public record PrecompiledRow(
      String mode,
      int jobs,
      double cleanPredictedS,
      double cleanMeasuredS,
      double predictedS,
      double measuredS) {
    public double error() {
      return predictedS / measuredS - 1;
    }

    public double predictedSavingS() {
      return cleanPredictedS - predictedS;
    }

    public double measuredSavingS() {
      return cleanMeasuredS - measuredS;
    }
  }

  private record Case(String workspace, String kind, String mode, String edit) {}

  /** The incremental cases: top for every workspace, leaf and middle for split. */
  private static List<Case> cases(Path own) throws IOException {
    List<Case> out = new ArrayList<>();
    for (String ws : List.of("cli", "async", "macro-heavy", "mono", "split")) {
      if (!Files.isDirectory(own.resolve(ws))) {
        continue;
      }
      String top = top(own.resolve(ws));
      out.add(new Case(ws, "incr-dev-top", "dev", top));
      out.add(new Case(ws, "incr-check", "check", top));
      if (ws.equals("split")) {
        out.add(new Case(ws, "incr-dev-leaf", "dev", "m00"));
        out.add(new Case(ws, "incr-dev-mid", "dev", "m03"));
      }
    }
    return out;
  }

  /** Simulates every incremental build that has a clean page of its mode and -j. */
  public static List<IncrementalRow> incremental(Path own, Calibrations cals)
      throws IOException, TimingsFormatException {
    Map<String, List<Double>> runs = runs(own.resolve("runs.csv"));
    List<IncrementalRow> rows = new ArrayList<>();
    for (Case c : cases(own)) {
      for (int j : new int[] {1, 2}) {
        List<Double> measured = runs.get(c.workspace() + "," + c.kind() + "," + j);
        Path page =
            own.resolve(c.workspace())
                .resolve("timings")
                .resolve((c.mode().equals("dev") ? "clean-dev" : "check") + "-j" + j + "-r1.json");
        if (measured == null || !Files.isRegularFile(page)) {
          continue;
        }
        Path graph =
            own.resolve(c.workspace())
                .resolve(c.mode().equals("dev") ? "unit-graph.json" : "unit-graph-check.json");
        Scenario sc = imported(page, graph, cals);
        sc =
            sc.withRebuild(
                Rebuild.CLEAN
                    .withKind(Rebuild.Kind.INCREMENTAL)
                    .withEdits(List.of(c.edit()))
                    .withWorkspace(members(own.resolve(c.workspace()))));
        double p = BuildSimulator.simulate(sc).wallNanos() / 1e9;
        rows.add(
            new IncrementalRow(
                c.workspace(),
                c.kind(),
                j,
                c.edit(),
                p,
                median(measured),
                measured.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                measured.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
      }
    }
    return rows;
  }

  /** Simulates macro-heavy's clean and precompiled-macros builds from each clean page. */
  public static List<PrecompiledRow> precompiled(Path own, Calibrations cals)
      throws IOException, TimingsFormatException {
    Path dir = own.resolve("macro-heavy").resolve("precompiled-macros");
    Map<String, List<Double>> runs = runs(own.resolve("precompiled-macros-runs.csv"));
    List<PrecompiledRow> rows = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return rows;
    }
    for (String mode : List.of("dev", "check")) {
      for (int j : new int[] {1, 2}) {
        List<Double> cleanP = new ArrayList<>();
        List<Double> preP = new ArrayList<>();
        for (int r = 1; r <= 9; r++) {
          Path page = dir.resolve("clean-" + mode + "-j" + j + "-r" + r + ".json");
          if (!Files.isRegularFile(page)) {
            continue;
          }
          Path graph =
              own.resolve("macro-heavy")
                  .resolve(mode.equals("dev") ? "unit-graph.json" : "unit-graph-check.json");
          Scenario sc = imported(page, graph, cals);
          cleanP.add(BuildSimulator.simulate(sc).wallNanos() / 1e9);
          Scenario pre = Strategies.enable(sc, "precompiled-proc-macros:per_invocation_s=0");
          preP.add(BuildSimulator.simulate(pre).wallNanos() / 1e9);
        }
        List<Double> cleanM = runs.get("macro-heavy,clean-" + mode + "," + j);
        List<Double> preM = runs.get("macro-heavy,precompiled-" + mode + "," + j);
        if (cleanP.isEmpty() || cleanM == null || preM == null) {
          continue;
        }
        rows.add(
            new PrecompiledRow(
                mode, j, median(cleanP), median(cleanM), median(preP), median(preM)));
      }
    }
    return rows;
  }

  private static Scenario imported(Path page, Path graph, Calibrations cals)
      throws IOException, TimingsFormatException {
    TimingsPage p = TimingsReader.read(page);
    Optional<UnitGraphFile> g =
        Files.isRegularFile(graph) ? Optional.of(UnitGraphFile.read(graph)) : Optional.empty();
    return TimingsImporter.toScenario(
        p, cals.get(Calibrations.profileFor(p.ncpu()), TimingsImporter.modeOf(p)), g);
  }

  /** Workspace members: the packages of {@code cargo metadata} without a source. */
  static List<String> members(Path ws) throws IOException {
    JsonNode root = new ObjectMapper().readTree(ws.resolve("metadata.json").toFile());
    List<String> out = new ArrayList<>();
    for (JsonNode p : root.path("packages")) {
      if (p.path("source").isNull() || p.path("source").isMissingNode()) {
        out.add(p.path("name").asText());
      }
    }
    return out;
  }

  /** The top crate: the member no other member depends on. */
  static String top(Path ws) throws IOException {
    JsonNode root = new ObjectMapper().readTree(ws.resolve("metadata.json").toFile());
    List<String> members = members(ws);
    List<String> depended = new ArrayList<>();
    for (JsonNode p : root.path("packages")) {
      if (members.contains(p.path("name").asText())) {
        for (JsonNode d : p.path("dependencies")) {
          depended.add(d.path("name").asText());
        }
      }
    }
    return members.stream()
        .filter(m -> !depended.contains(m))
        .findFirst()
        .orElseThrow(() -> new IOException(ws + ": no top crate in metadata.json"));
  }

  /** {@code workspace,kind,jobs} to the measured walls. */
  private static Map<String, List<Double>> runs(Path csv) throws IOException {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(csv)) {
      return out;
    }
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f.length < 5) {
        continue;
      }
      out.computeIfAbsent(f[0] + "," + f[1] + "," + f[2], k -> new ArrayList<>())
          .add(Double.parseDouble(f[4]));
    }
    return out;
  }

  static double median(List<Double> xs) {
    return new Median().evaluate(xs.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Median of |error| over rows, as a fraction. */
  public static double medianAbsError(List<Double> errors) {
    return median(errors.stream().map(Math::abs).toList());
  }

  /** A fixed-width report of both tables. */
  public static String report(List<IncrementalRow> inc, List<PrecompiledRow> pre) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "Incremental rebuilds (own-2core-2026; simulated from the clean page of the same "
            + "mode and -j)\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-12s %-14s %3s %-8s %9s %9s %15s %7s%n",
            "workspace",
            "build",
            "-j",
            "edit",
            "predicted",
            "measured",
            "(min-max)",
            "error"));
    for (IncrementalRow r : inc) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-12s %-14s %3d %-8s %8.2fs %8.2fs %15s %+6.0f%%%n",
              r.workspace(),
              r.kind(),
              r.jobs(),
              r.edit(),
              r.predictedS(),
              r.measuredS(),
              String.format(Locale.ROOT, "(%.2f-%.2f)", r.minS(), r.maxS()),
              100 * r.error()));
    }
    if (!inc.isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  median |error| %.0f %% over %d builds%n",
              100 * medianAbsError(inc.stream().map(IncrementalRow::error).toList()),
              inc.size()));
    }
    sb.append("\nPrecompiled proc macros (macro-heavy; the proc-macro side built beforehand)\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-6s %3s %16s %16s %16s %16s %7s%n",
            "mode",
            "-j",
            "clean pred/meas",
            "precomp. pred",
            "precomp. meas",
            "saving pred/meas",
            "error"));
    for (PrecompiledRow r : pre) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-6s %3d %16s %15.2fs %15.2fs %16s %+6.0f%%%n",
              r.mode(),
              r.jobs(),
              String.format(Locale.ROOT, "%.2f / %.2f s", r.cleanPredictedS(), r.cleanMeasuredS()),
              r.predictedS(),
              r.measuredS(),
              String.format(
                  Locale.ROOT, "%.2f / %.2f s", r.predictedSavingS(), r.measuredSavingS()),
              100 * r.error()));
    }
    return sb.toString();
  }
}
