package org.cratesim.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.cratesim.cargo.BuildResult;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.strategy.Strategies;
import org.cratesim.timings.CargoMetadata;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * {@code cratesim validate-strategies DIR}: every measured what-if of a folder predicted from its
 * baseline's page and compared with the measurement.
 *
 * <p>{@code DIR/whatifs.toml} lists the what-ifs, each {@code [[whatif]]} naming a {@code cratesim
 * measure} output folder ({@code campaign}, with its {@code runs.csv}), the baseline and changed
 * variants in it, the strategy that predicts the change ({@code compare}'s spec) or the knobs
 * ({@code set = ["profile.linker=mold"]}, {@code --set}'s keys), the build kind ({@code clean} or
 * {@code incremental} with {@code edit = "CRATE[:KIND]"}), the page of the baseline's clean build
 * to predict from and the workspace's {@code cargo metadata}. The measured change is
 * median(variant) / median(baseline) − 1 over the runs; its range is that of the paired rounds (run
 * r of the variant over run r of the baseline). The predicted change is the same ratio of the
 * simulated builds, with the strategy off and on.
 */
public final class StrategyValidation {
  private StrategyValidation() {}

  /** One measured what-if, as {@code whatifs.toml} describes it. */
  public record WhatIf(
      String workspace,
      String campaign,
      String baseline,
      String variant,
      String strategy,
      List<String> set,
      String buildKind,
      Optional<String> edit,
      String page,
      String metadata,
      int line) {}

  /**
   * A what-if, predicted and measured.
   *
   * @param mode the page's mode
   * @param jobs the -j of the measured runs
   * @param n paired rounds measured
   * @param measuredChange median(variant) / median(baseline) − 1
   * @param measuredLow the smallest change of a paired round
   * @param measuredHigh the largest
   * @param predictedChange the simulated change
   */
  public record Row(
      WhatIf whatIf,
      String mode,
      int jobs,
      int n,
      double measuredChange,
      double measuredLow,
      double measuredHigh,
      double predictedChange,
      double measuredBaselineS,
      double predictedBaselineS) {
    /** The change predicted: the strategy spec, or the knobs set. */
    public String change() {
      return whatIf.strategy().isEmpty() ? String.join(" ", whatIf.set()) : whatIf.strategy();
    }

    /** |predicted − measured| in percentage points. */
    public double diffPoints() {
      return 100 * Math.abs(predictedChange - measuredChange);
    }
  }

  /** The what-ifs of {@code DIR/whatifs.toml}; a malformed entry names its line. */
  public static List<WhatIf> read(Path dir) throws DataException {
    Path f = dir.resolve("whatifs.toml");
    TomlParseResult t;
    try {
      t = Toml.parse(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DataException(f + ": cannot read: " + e.getMessage());
    }
    if (t.hasErrors()) {
      var e = t.errors().get(0);
      throw new DataException(f + ":" + e.position().line() + ": " + e.getMessage());
    }
    TomlArray a = t.getArray("whatif");
    if (a == null || a.isEmpty()) {
      throw new DataException(f + ": no [[whatif]] entry");
    }
    List<WhatIf> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      TomlTable w = a.getTable(i);
      int line = w.inputPositionOf("workspace") == null ? 0 : w.inputPositionOf("workspace").line();
      String kind = str(f, w, "build_kind", line);
      if (!kind.equals("clean") && !kind.equals("incremental")) {
        throw new DataException(f + ":" + line + ": build_kind is clean or incremental");
      }
      Optional<String> edit = Optional.ofNullable(w.getString("edit"));
      if (kind.equals("incremental") && edit.isEmpty()) {
        throw new DataException(f + ":" + line + ": an incremental what-if needs edit");
      }
      List<String> set = new ArrayList<>();
      TomlArray sa = w.getArray("set");
      if (sa != null) {
        for (int k = 0; k < sa.size(); k++) {
          set.add(sa.getString(k));
        }
      }
      String strategy = w.getString("strategy");
      if ((strategy == null) == set.isEmpty()) {
        throw new DataException(
            f + ":" + line + ": give either strategy (a compare spec) or set (KEY=VALUE knobs)");
      }
      out.add(
          new WhatIf(
              str(f, w, "workspace", line),
              str(f, w, "campaign", line),
              str(f, w, "baseline", line),
              str(f, w, "variant", line),
              strategy == null ? "" : strategy,
              List.copyOf(set),
              kind,
              edit,
              str(f, w, "page", line),
              str(f, w, "metadata", line),
              line));
    }
    return out;
  }

  private static String str(Path f, TomlTable w, String key, int line) throws DataException {
    String v = w.getString(key);
    if (v == null || v.isBlank()) {
      throw new DataException(f + ":" + line + ": " + key + " is missing");
    }
    return v;
  }

  /** Every what-if of {@code dir}, measured and predicted. */
  public static List<Row> validate(Path dir, Calibrations cals) throws DataException {
    List<Row> rows = new ArrayList<>();
    for (WhatIf w : read(dir)) {
      rows.add(validate(dir, w, cals));
    }
    return rows;
  }

  static Row validate(Path dir, WhatIf w, Calibrations cals) throws DataException {
    Path runs = dir.resolve(w.campaign()).resolve("runs.csv");
    Campaign campaign = campaign(runs);
    TreeMap<Integer, Double> base = variantRuns(campaign.byKind(), w.baseline(), runs);
    TreeMap<Integer, Double> changed = variantRuns(campaign.byKind(), w.variant(), runs);
    int jobs = campaign.jobs();
    double measured = median(changed) / median(base) - 1;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (var e : base.entrySet()) {
      Double c = changed.get(e.getKey());
      if (c != null) {
        double r = c / e.getValue() - 1;
        low = Math.min(low, r);
        high = Math.max(high, r);
        n++;
      }
    }
    Scenario sc;
    TimingsPage p;
    try {
      p = TimingsReader.read(dir.resolve(w.page()));
      CargoMetadata m = CargoMetadata.read(dir.resolve(w.metadata()));
      sc =
          TimingsImporter.toScenario(
              p,
              cals.get(Calibrations.profileFor(p.ncpu()), TimingsImporter.modeOf(p)),
              Optional.empty(),
              Optional.of(m),
              EdgeKnowledge.none());
    } catch (TimingsFormatException | TimingsImporter.ImportMismatch e) {
      throw new DataException(dir.resolve(w.page()) + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new DataException(dir.resolve(w.page()) + ": " + e.getMessage());
    }
    sc = sc.withBuild(sc.build().withJobs(jobs));
    if (w.buildKind().equals("incremental")) {
      sc =
          sc.withRebuild(
              sc.rebuild().withKind(Rebuild.Kind.INCREMENTAL).withEdits(List.of(w.edit().get())));
    }
    Scenario off = Strategies.disableAll(sc);
    Scenario on = off;
    try {
      if (!w.strategy().isEmpty()) {
        on = Strategies.enable(off, w.strategy());
      }
      for (String kv : w.set()) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("set: write KEY=VALUE, got '" + kv + "'");
        }
        on = ScenarioOverrides.applyOne(on, kv.substring(0, eq), kv.substring(eq + 1));
      }
    } catch (IllegalArgumentException e) {
      throw new DataException("whatifs.toml:" + w.line() + ": " + e.getMessage());
    }
    BuildResult b = BuildSimulator.simulate(off);
    BuildResult v = BuildSimulator.simulate(on);
    double predicted = (double) v.wallNanos() / b.wallNanos() - 1;
    return new Row(
        w,
        TimingsImporter.modeOf(p).id(),
        jobs,
        n,
        measured,
        low,
        high,
        predicted,
        median(base),
        b.wallNanos() / 1e9);
  }

  /**
   * A measure campaign's runs.csv, read once.
   *
   * @param byKind kind → rep → wall seconds (successful runs only)
   * @param jobs the -j of its runs (measure runs every variant at one -j)
   */
  record Campaign(Map<String, TreeMap<Integer, Double>> byKind, int jobs) {}

  /** Runs of a measure campaign: kind → rep → wall seconds (successful runs only). */
  static Map<String, TreeMap<Integer, Double>> runs(Path csv) throws DataException {
    return campaign(csv).byKind();
  }

  static Campaign campaign(Path csv) throws DataException {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataException(csv + ": cannot read: " + e.getMessage());
    }
    if (lines.isEmpty()) {
      throw new DataException(csv + ": empty");
    }
    List<String> head = List.of(lines.get(0).split(","));
    int kind = head.indexOf("kind");
    int rep = head.indexOf("rep");
    int wall = head.indexOf("wall_s");
    int rc = head.indexOf("rc");
    int jobsColumn = head.indexOf("jobs");
    if (kind < 0 || rep < 0 || wall < 0 || jobsColumn < 0) {
      throw new DataException(csv + ":1: needs the columns kind, jobs, rep and wall_s");
    }
    int jobs = 0;
    Map<String, TreeMap<Integer, Double>> out = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      // the command, measure's last column, is the only one that may hold a comma
      List<String> f = List.of(lines.get(i).split(",", head.size()));
      try {
        if (jobs == 0) {
          jobs = Integer.parseInt(f.get(jobsColumn));
        }
        if (rc >= 0 && !f.get(rc).equals("0")) {
          continue;
        }
        out.computeIfAbsent(f.get(kind), k -> new TreeMap<>())
            .put(Integer.parseInt(f.get(rep)), Double.parseDouble(f.get(wall)));
      } catch (RuntimeException e) {
        throw new DataException(csv + ":" + (i + 1) + ": " + e.getMessage());
      }
    }
    if (jobs == 0) {
      throw new DataException(csv + ": no runs");
    }
    return new Campaign(out, jobs);
  }

  /**
   * The runs of {@code variant}: the kind column is {@code <kind>-<variant>} (cratesim measure).
   */
  private static TreeMap<Integer, Double> variantRuns(
      Map<String, TreeMap<Integer, Double>> byKind, String variant, Path csv) throws DataException {
    TreeMap<Integer, Double> out = null;
    for (var e : byKind.entrySet()) {
      if (e.getKey().endsWith("-" + variant)) {
        if (out != null) {
          throw new DataException(csv + ": two kinds end in '-" + variant + "'");
        }
        out = e.getValue();
      }
    }
    if (out == null || out.isEmpty()) {
      throw new DataException(csv + ": no successful run of variant '" + variant + "'");
    }
    return out;
  }

  private static double median(TreeMap<Integer, Double> runs) {
    return new Median().evaluate(runs.values().stream().mapToDouble(Double::doubleValue).toArray());
  }
}
