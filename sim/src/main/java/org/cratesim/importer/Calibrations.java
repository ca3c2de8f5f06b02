package org.cratesim.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cratesim.model.Mode;
import org.cratesim.scenario.ScenarioWriter;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The calibration profiles shipped in {@code calibration.toml} (a resource beside this class):
 * {@code [profile.mode]} tables of fitted parameters, documented in the file itself.
 */
public final class Calibrations {
  /** Profile fitted on a many-core server (lqd-epyc-2022: EPYC 7401P, -j1 to -j8). */
  public static final String MANY_CORE = "epyc-2022";

  /** Profile fitted on the 2-core machines this project runs on (own-2core-2026). */
  public static final String TWO_CORE = "2core-2026";

  private final Map<String, Calibration> byKey;

  private Calibrations(Map<String, Calibration> byKey) {
    this.byKey = byKey;
  }

  /** The shipped profiles (calibration.toml, written by {@code cratesim calibrate}). */
  public static Calibrations shipped() {
    return resource("calibration.toml");
  }

  /** The fit's fixed starting point (calibration-start.toml). */
  public static Calibrations start() {
    return resource("calibration-start.toml");
  }

  private static Calibrations resource(String name) {
    try (InputStream in = Calibrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Calibrations parse(String text) {
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      throw new IllegalStateException("calibration.toml: " + toml.errors().get(0));
    }
    Map<String, Calibration> out = new TreeMap<>();
    for (String profile : toml.keySet()) {
      TomlTable p = toml.getTable(List.of(profile));
      for (String mode : p.keySet()) {
        TomlTable t = p.getTable(List.of(mode));
        Map<String, Double> v = new LinkedHashMap<>();
        for (String k : t.keySet()) {
          v.put(k, ((Number) t.get(List.of(k))).doubleValue());
        }
        Mode m = Mode.parse(mode);
        out.put(profile + "." + m.id(), new Calibration(profile, m, v));
      }
    }
    return new Calibrations(out);
  }

  /** The profile for a machine and mode. */
  public Calibration get(String profile, Mode mode) {
    Calibration c = byKey.get(profile + "." + mode.id());
    if (c == null) {
      throw new IllegalArgumentException(
          "no calibration '"
              + profile
              + "' for "
              + mode.id()
              + " (known: "
              + String.join(", ", byKey.keySet())
              + ")");
    }
    return c;
  }

  /** Chooses the profile for a measured page: few CPUs -> the 2-core one, else many-core. */
  public static String profileFor(Integer ncpu) {
    return ncpu != null && ncpu <= 4 ? TWO_CORE : MANY_CORE;
  }

  /** Renders calibrations as the TOML of calibration.toml (values only, no comments). */
  public static String toToml(List<Calibration> cals) {
    StringBuilder sb = new StringBuilder();
    for (Calibration c : cals) {
      sb.append("[").append(c.profile()).append('.').append(c.mode().id()).append("]\n");
      c.values()
          .forEach(
              (k, v) -> sb.append(k).append(" = ").append(ScenarioWriter.number(v)).append('\n'));
      sb.append('\n');
    }
    return sb.toString();
  }
}
