package org.cratesim.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.cratesim.cargo.BuildSimulator;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.SplitMerge;
import org.cratesim.timings.CargoMetadata;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;

/**
 * The split of a crate given in seconds against a measured split ({@code cratesim validate-split}):
 * own-2core-2026's {@code mono} workspace, imported from its measured clean pages with its {@code
 * cargo metadata}, has its one crate split the way the {@code split} workspace was written (as many
 * parts as split has members, {@link SplitMerge.Shape#LAYERED}: m00 → {m01..m04} → {m05..m08} →
 * m09), and the predicted wall time is compared with split's measured builds.
 *
 * <p>Per kind of build (check, clean-dev, clean-release) and -j: every mono page of that kind and
 * -j is imported and simulated as it is (mono's replay) and split; predicted = the median over
 * those pages; measured = the median of {@code runs.csv}'s wall times (which include cargo's
 * start-up) of the same workspace, kind and -j.
 */
public final class SplitValidation {
  private SplitValidation() {}

  /** The kinds of clean build compared. */
  public static final List<String> KINDS = List.of("check", "clean-dev", "clean-release");

  /**
   * One kind of build at one -j.
   *
   * @param kind check, clean-dev or clean-release
   * @param jobs -j
   * @param pages mono pages imported
   * @param monoPredictedS mono's pages simulated as they are, median
   * @param monoMeasuredS mono measured, median (NaN when not measured)
   * @param splitPredictedS mono's pages split, simulated, median
   * @param splitMeasuredS split measured, median (NaN when not measured)
   * @param splitRuns how many split runs were measured
   */
  public record Row(
      String kind,
      int jobs,
      int pages,
      double monoPredictedS,
      double monoMeasuredS,
      double splitPredictedS,
      double splitMeasuredS,
      int splitRuns) {
    /** Split predicted / measured − 1 (NaN when split was not measured at this -j). */
    public double splitError() {
      return splitPredictedS / splitMeasuredS - 1;
    }

    /** Split relative to mono, predicted: split / mono − 1. */
    public double predictedChange() {
      return splitPredictedS / monoPredictedS - 1;
    }

    /** Split relative to mono, measured (NaN when either was not measured). */
    public double measuredChange() {
      return splitMeasuredS / monoMeasuredS - 1;
    }

    /** Whether split was measured at this -j. */
    public boolean measured() {
      return !Double.isNaN(splitMeasuredS) && !Double.isNaN(monoMeasuredS);
    }

    /** Whether the predicted ordering of mono and split is the measured one. */
    public boolean orderingAgrees() {
      return measured() && (predictedChange() < 0) == (measuredChange() < 0);
    }
  }

  /**
   * The check and what it was run with.
   *
   * @param crate the crate split (mono's top)
   * @param parts the number of parts (split's members)
   * @param options the split's options
   * @param rows one per kind and -j that mono has pages of
   */
  public record Report(String crate, int parts, SplitMerge.Options options, List<Row> rows) {
    public Report {
      rows = List.copyOf(rows);
    }

    /** Median |split error| over the rows split was measured in. */
    public double medianAbsError() {
      double[] e =
          rows.stream().filter(Row::measured).mapToDouble(r -> Math.abs(r.splitError())).toArray();
      return e.length == 0 ? Double.NaN : new Median().evaluate(e);
    }
  }

  /**
   * Runs the check on {@code own} (the own-2core-2026 folder).
   *
   * @throws IOException when {@code own} lacks the mono or split workspace's files
   */
  public static Report run(Path own, Calibrations cals, SplitMerge.Options options)
      throws IOException, TimingsFormatException {
    Path mono = own.resolve("mono");
    Path split = own.resolve("split");
    for (Path p :
        List.of(
            own.resolve("runs.csv"),
            mono.resolve("metadata.json"),
            split.resolve("metadata.json"))) {
      if (!Files.isRegularFile(p)) {
        throw new IOException(
            own + ": not an own-2core-2026 folder (no " + own.relativize(p) + ")");
      }
    }
    List<String> monoMembers = members(mono.resolve("metadata.json"));
    int parts = members(split.resolve("metadata.json")).size();
    if (monoMembers.size() != 1 || parts < 2) {
      throw new IOException(
          own
              + ": mono should have one member and split several ("
              + monoMembers
              + ", "
              + parts
              + ")");
    }
    String crate = monoMembers.get(0);
    CargoMetadata metadata = CargoMetadata.read(mono.resolve("metadata.json"));
    Map<String, List<Double>> runs = runs(own.resolve("runs.csv"));
    List<Row> rows = new ArrayList<>();
    for (String kind : KINDS) {
      for (int j = 1; j <= 64; j++) {
        List<Path> pages = pages(mono.resolve("timings"), kind + "-j" + j + "-r");
        if (pages.isEmpty()) {
          continue;
        }
        List<Double> monoP = new ArrayList<>();
        List<Double> splitP = new ArrayList<>();
        for (Path page : pages) {
          TimingsPage p = TimingsReader.read(page);
          Scenario sc =
              TimingsImporter.toScenario(
                  p,
                  cals.get(Calibrations.profileFor(p.ncpu()), TimingsImporter.modeOf(p)),
                  Optional.empty(),
                  Optional.of(metadata),
                  EdgeKnowledge.none());
          monoP.add(BuildSimulator.simulate(sc).wallNanos() / 1e9);
          Scenario s = SplitMerge.split(sc, crate, parts, SplitMerge.Shape.LAYERED, options);
          splitP.add(BuildSimulator.simulate(s).wallNanos() / 1e9);
        }
        List<Double> monoM = runs.getOrDefault("mono," + kind + "," + j, List.of());
        List<Double> splitM = runs.getOrDefault("split," + kind + "," + j, List.of());
        rows.add(
            new Row(
                kind,
                j,
                pages.size(),
                median(monoP),
                median(monoM),
                median(splitP),
                median(splitM),
                splitM.size()));
      }
    }
    return new Report(crate, parts, options, rows);
  }

  private static List<Path> pages(Path dir, String prefix) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*.json")) {
      ds.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  /** Workspace members: the packages of {@code cargo metadata} without a source. */
  private static List<String> members(Path metadata) throws IOException {
    JsonNode root = new ObjectMapper().readTree(metadata.toFile());
    List<String> out = new ArrayList<>();
    for (JsonNode p : root.path("packages")) {
      if (p.path("source").isNull() || p.path("source").isMissingNode()) {
        out.add(p.path("name").asText());
      }
    }
    return out;
  }

  /** {@code workspace,kind,jobs} to the measured wall times of {@code runs.csv} (rc 0). */
  private static Map<String, List<Double>> runs(Path csv) throws IOException {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.split(",");
      if (f.length < 6 || !f[5].strip().equals("0")) {
        continue;
      }
      try {
        out.computeIfAbsent(f[0] + "," + f[1] + "," + f[2], k -> new ArrayList<>())
            .add(Double.parseDouble(f[4]));
      } catch (NumberFormatException e) {
        // a malformed row is not a measurement
      }
    }
    return out;
  }

  private static double median(List<Double> xs) {
    return xs.isEmpty()
        ? Double.NaN
        : new Median().evaluate(xs.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
