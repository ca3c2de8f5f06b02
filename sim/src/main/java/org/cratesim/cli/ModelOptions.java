package org.cratesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cratesim.importer.Calibration;
import org.cratesim.importer.Calibrations;
import org.cratesim.importer.EdgeKnowledge;
import org.cratesim.importer.TimingsImporter;
import org.cratesim.model.Mode;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.ScenarioWriter;
import org.cratesim.timings.CargoMetadata;
import org.cratesim.timings.TimingsFormatException;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.UnitGraphFile;
import picocli.CommandLine.Option;

/**
 * Options shared by import, predict and validate, the commands that read measured pages: which
 * calibration, and overrides of its parameters. On these commands {@code --set} always means a
 * calibrated model parameter; on run it means a scenario key.
 */
final class ModelOptions {
  @Option(
      names = "--calibration",
      paramLabel = "PROFILE",
      description =
          "Calibration profile: epyc-2022 (many-core) or 2core-2026. "
              + "Default: chosen from the page's ncpu (<= 4: 2core-2026).")
  String profile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A calibrated model parameter KEY, overridden (repeatable), e.g. "
              + "--set contention_frontend=0 (not a scenario key, as on run). Keys: those of "
              + "calibration.toml in sim/src/main/resources/org/cratesim/importer/.")
  Map<String, String> overrides = new LinkedHashMap<>();

  private final Calibrations shipped = Calibrations.shipped();

  /**
   * Imports a page with the chosen calibration, the unit graph of {@code graphFile} and the {@code
   * cargo metadata} of {@code metadataFile} when given (either may be null). Without either, prints
   * on {@code err} that what-ifs depend on edges the page cannot show. A file of another build is
   * bad input naming it.
   */
  Scenario imported(TimingsPage page, Path graphFile, Path metadataFile, PrintWriter err)
      throws TimingsFormatException {
    Optional<UnitGraphFile> g = graph(graphFile);
    Optional<CargoMetadata> m =
        metadataFile == null ? Optional.empty() : Optional.of(CargoMetadata.read(metadataFile));
    try {
      Scenario sc =
          TimingsImporter.toScenario(
              page, choose(page, TimingsImporter.modeOf(page)), g, m, EdgeKnowledge.none());
      readable(page, sc);
      if (g.isEmpty() && m.isEmpty()) {
        err.println(
            TimingsImporter.PAGE_ONLY_WARNING + "; " + TimingsImporter.workspaceRule(page, sc));
        err.flush();
      }
      return sc;
    } catch (TimingsImporter.ImportMismatch e) {
      Path f = e.metadata() ? metadataFile : graphFile;
      throw new BadInputException(
          (e.metadata() ? "--metadata " : "--graph ") + f.getFileName() + " " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(page.source() + ": cannot import: " + e.getMessage());
    }
  }

  /**
   * Refuses a page whose scenario the scenario reader would refuse (import writes what run reads):
   * the scenario is written and read back.
   */
  private static void readable(TimingsPage page, Scenario sc) {
    try {
      ScenarioReader.parse(ScenarioWriter.write(sc, List.of()), page.source());
    } catch (ScenarioException e) {
      throw new BadInputException(
          page.source() + ": its scenario would not be readable: " + e.problem());
    }
  }

  /** The unit graph of {@code --graph FILE}, or none without one. */
  static Optional<UnitGraphFile> graph(Path file) throws TimingsFormatException {
    return file == null ? Optional.empty() : Optional.of(UnitGraphFile.read(file));
  }

  Calibration choose(TimingsPage page, Mode mode) {
    String p = profile != null ? profile : Calibrations.profileFor(page.ncpu());
    Calibration c;
    try {
      c = shipped.get(p, mode);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--calibration: " + e.getMessage());
    }
    for (var e : overrides.entrySet()) {
      double v;
      try {
        v = Double.parseDouble(e.getValue());
      } catch (NumberFormatException ex) {
        throw new BadInputException(
            "--set " + e.getKey() + ": '" + e.getValue() + "' is not a number");
      }
      try {
        c = c.with(e.getKey(), v);
      } catch (IllegalArgumentException ex) {
        throw new BadInputException("--set: " + ex.getMessage());
      }
    }
    return c;
  }

  /** Checks the overrides early, so a typo fails before any work. */
  void validate() {
    for (var e : overrides.entrySet()) {
      if (!Calibration.KEYS.containsKey(e.getKey())) {
        throw new BadInputException(
            "--set: unknown parameter '"
                + e.getKey()
                + "' (known: "
                + String.join(", ", Calibration.KEYS.keySet())
                + ")");
      }
      try {
        Double.parseDouble(e.getValue());
      } catch (NumberFormatException ex) {
        throw new BadInputException(
            "--set " + e.getKey() + ": '" + e.getValue() + "' is not a number");
      }
    }
  }
}
