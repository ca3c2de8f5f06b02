package org.cratesim.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioException;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.scenario.TomlGuard;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads what {@code cratesim sweep FILE} sweeps: a sweep file ({@code scenario = "PATH"}, {@code
 * [vary]}, {@code replications}, {@code seed}, {@code [noise]}; the scenario's path is relative to
 * the file) or a plain scenario, then the command line's settings on top.
 */
public final class SweepFile {
  private static final List<String> KEYS =
      List.of("scenario", "replications", "seed", "vary", "noise");
  private static final List<String> NOISE_KEYS =
      List.of("build_cv", "frontend_cv", "codegen_cv", "link_cv");

  /** The most replications per point. */
  public static final int MAX_REPLICATIONS = 1_000_000;

  /** The most builds (points x replications) of one sweep. */
  public static final long MAX_BUILDS = 10_000_000L;

  private SweepFile() {}

  /**
   * A file's {@code [vary]} key: each value applied alone to the scenario, so that a typo or a bad
   * value is reported at its line.
   */
  private static void checkVaried(Scenario sc, String key, List<String> vals, String src, int line)
      throws ScenarioException {
    for (String val : vals) {
      try {
        SweepSpec one =
            new SweepSpec(
                sc, new LinkedHashMap<>(Map.of(key, List.of(val))), 1, 1, Noise.NONE, true);
        one.scenarioOf(one.points().get(0));
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(
            src, line, "[vary] " + key + " = " + val + ": " + e.getMessage());
      }
    }
  }

  /**
   * Settings given on the command line, each overriding the file's.
   *
   * @param vary {@code KEY=V1,V2,...}, each added to (or replacing) the file's {@code [vary]}
   * @param replications per point, or null for the file's (else 10)
   * @param seed or null for the file's (else 1)
   * @param noNoise no run-to-run variability
   * @param independent independent random numbers per point instead of common ones
   */
  public record Settings(
      List<String> vary, Integer replications, Long seed, boolean noNoise, boolean independent) {
    public Settings {
      vary = List.copyOf(vary);
    }
  }

  /** A sweep the user must fix: a bad {@code --vary}, replication count or parameter value. */
  public static final class BadSweepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadSweepException(String message) {
      super(message);
    }
  }

  /**
   * The sweep of {@code file} with {@code settings} applied; every design point's scenario is
   * checked before the sweep is returned. A missing or malformed file is a {@link
   * ScenarioException} naming file:line; a bad setting is a {@link BadSweepException}.
   */
  public static SweepSpec read(Path file, Settings settings) throws IOException, ScenarioException {
    // UTF-8, size, nesting and string lengths checked as a scenario's are
    String text = TomlGuard.read(file);
    TomlParseResult toml = TomlGuard.parse(text, file.toString());
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
        if (!KEYS.contains(k)) {
          throw new ScenarioException(
              src,
              line(toml, k),
              "unknown key '" + k + "' (known: scenario, replications, seed, [vary], [noise])");
        }
      }
      Path base = file.toAbsolutePath().getParent();
      Path scenarioFile;
      try {
        scenarioFile = base.resolve((String) scen).normalize();
      } catch (InvalidPathException e) {
        throw new ScenarioException(
            src, line(toml, "scenario"), "scenario is not a valid path: " + e.getReason());
      }
      sc = ScenarioReader.read(scenarioFile);
      if (toml.contains("replications")) {
        long r = integer(toml, src, "replications");
        if (r < 1 || r > MAX_REPLICATIONS) {
          throw new ScenarioException(
              src,
              line(toml, "replications"),
              "replications must be from 1 to " + MAX_REPLICATIONS + ", was " + r);
        }
        reps = (int) r;
      }
      if (toml.contains("seed")) {
        sd = integer(toml, src, "seed");
      }
      if (toml.contains("vary") && !toml.isTable("vary")) {
        throw new ScenarioException(
            src, line(toml, "vary"), "vary must be a table: write [vary] and KEY = [values]");
      }
      if (toml.contains("noise") && !toml.isTable("noise")) {
        throw new ScenarioException(
            src, line(toml, "noise"), "noise must be a table: write [noise] and KEY = number");
      }
      TomlTable v = toml.getTable("vary");
      if (v != null) {
        varied(v, "", sc, params, src);
      }
      TomlTable nz = toml.getTable("noise");
      if (nz != null) {
        noise = noise(toml, src, nz, noise);
      }
    } else {
      sc = ScenarioReader.read(file);
    }
    for (String v : settings.vary()) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new BadSweepException("--vary " + v + ": write KEY=V1,V2,...");
      }
      params.put(v.substring(0, eq).trim(), List.of(v.substring(eq + 1).split(",")));
    }
    if (settings.replications() != null) {
      reps = settings.replications();
    }
    if (settings.seed() != null) {
      sd = settings.seed();
    }
    if (settings.noNoise()) {
      noise = Noise.NONE;
    }
    if (reps < 1 || reps > MAX_REPLICATIONS) {
      throw new BadSweepException(
          "replications must be from 1 to " + MAX_REPLICATIONS + ", was " + reps);
    }
    SweepSpec s;
    try {
      s = new SweepSpec(sc, params, reps, sd, noise, !settings.independent());
    } catch (IllegalArgumentException e) {
      throw new BadSweepException(e.getMessage());
    }
    if ((double) s.points().size() * reps > MAX_BUILDS) {
      throw new BadSweepException(
          s.points().size()
              + " points x "
              + reps
              + " replications: at most "
              + MAX_BUILDS
              + " builds per sweep");
    }
    for (var p : s.points()) {
      try {
        s.scenarioOf(p);
      } catch (IllegalArgumentException e) {
        StringBuilder d = new StringBuilder();
        p.forEach((k, val) -> d.append(' ').append(k).append('=').append(val));
        throw new BadSweepException("--vary" + d + ": " + e.getMessage());
      }
    }
    return s;
  }

  private static List<String> values(Object o) {
    List<String> vals = new ArrayList<>();
    if (o instanceof TomlArray a) {
      for (int i = 0; i < a.size(); i++) {
        vals.add(scalar(a.get(i)));
      }
    } else {
      vals.add(scalar(o));
    }
    return vals;
  }

  private static Noise noise(TomlParseResult toml, String src, TomlTable nz, Noise dflt)
      throws ScenarioException {
    double[] x = {dflt.buildCv(), dflt.frontendCv(), dflt.codegenCv(), dflt.linkCv()};
    for (String k : nz.keySet()) {
      int i = NOISE_KEYS.indexOf(k);
      Object o = nz.get(List.of(k));
      if (i < 0 || !(o instanceof Number)) {
        throw new ScenarioException(
            src,
            line(toml, "noise." + k),
            "noise."
                + k
                + ": expected one of build_cv, frontend_cv, codegen_cv, link_cv with a number");
      }
      x[i] = ((Number) o).doubleValue();
    }
    try {
      return new Noise(x[0], x[1], x[2], x[3]);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(src, line(toml, "noise"), e.getMessage());
    }
  }

  private static int line(TomlParseResult t, String key) {
    var pos = t.inputPositionOf(key);
    return pos == null ? 0 : pos.line();
  }

  private static long integer(TomlParseResult t, String src, String key) throws ScenarioException {
    Object o = t.get(key);
    if (!(o instanceof Long) || (Long) o < 0) {
      throw new ScenarioException(src, line(t, key), key + " must be a non-negative integer");
    }
    return (Long) o;
  }

  /**
   * The parameters of {@code [vary]}: a dotted key ({@code profile.lto = [...]}) is a table in
   * TOML, whose leaves are the parameters; each checked at its line.
   */
  private static void varied(
      TomlTable v,
      String prefix,
      Scenario sc,
      LinkedHashMap<String, List<String>> params,
      String src)
      throws ScenarioException {
    for (String k : v.keySet()) {
      Object o = v.get(List.of(k));
      if (o instanceof TomlTable t) {
        varied(t, prefix + k + ".", sc, params, src);
        continue;
      }
      var pos = v.inputPositionOf(List.of(k));
      params.put(prefix + k, values(o));
      checkVaried(sc, prefix + k, params.get(prefix + k), src, pos == null ? 0 : pos.line());
    }
  }

  private static String scalar(Object o) {
    if (o instanceof TomlTable) {
      return "a table";
    }
    if (o instanceof TomlArray) {
      return "an array";
    }
    if (o instanceof Double) {
      return BigDecimal.valueOf((Double) o).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(o);
  }
}
