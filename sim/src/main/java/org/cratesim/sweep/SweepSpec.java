package org.cratesim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cratesim.model.Rebuild;
import org.cratesim.model.Scenario;
import org.cratesim.scenario.ScenarioOverrides;
import org.cratesim.scenario.ScenarioWriter;
import org.cratesim.scenario.Schema;
import org.cratesim.strategy.Strategies;

/**
 * A sweep: a scenario, the parameters varied (a cartesian product, first parameter slowest),
 * replications and a seed. Parameters: {@code jobs}, {@code mode}, {@code build_kind}, {@code
 * strategy} (a strategy spec as on the command line, {@code a+b} for both, {@code none} for none),
 * or any {@code TABLE.KEY} of {@code --set} ({@link Schema}); a bare key of {@link Schema#PROFILE}
 * ({@code codegen_units}, {@code lto}, {@code opt_level}, ...) means {@code profile.KEY}.
 *
 * @param scenario the base scenario
 * @param parameters varied parameters in order, each with its values in order
 * @param replications per design point
 * @param seed the random numbers' seed
 * @param noise run-to-run variability
 * @param commonRandomNumbers replication r of every point sees the same draws
 */
public record SweepSpec(
    Scenario scenario,
    LinkedHashMap<String, List<String>> parameters,
    int replications,
    long seed,
    Noise noise,
    boolean commonRandomNumbers) {
  /** The {@code [build]} keys a sweep may name without their table. */
  private static final List<String> BARE_BUILD_KEYS = List.of("jobs", "mode");

  public SweepSpec {
    parameters = new LinkedHashMap<>(parameters);
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1");
    }
    for (var e : parameters.entrySet()) {
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException("--vary " + e.getKey() + ": no values");
      }
    }
  }

  /** The design points in canonical order: each a map from parameter to value. */
  public List<Map<String, String>> points() {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (var e : parameters.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> p : out) {
        for (String v : e.getValue()) {
          Map<String, String> q = new LinkedHashMap<>(p);
          q.put(e.getKey(), v);
          next.add(q);
        }
      }
      out = next;
    }
    return out;
  }

  /** The scenario of a design point; a bad parameter or value is an IllegalArgumentException. */
  public Scenario scenarioOf(Map<String, String> point) {
    Scenario sc = scenario;
    for (var e : point.entrySet()) {
      sc = applyOne(sc, e.getKey(), e.getValue());
    }
    return sc;
  }

  private static Scenario applyOne(Scenario sc, String key, String v) {
    switch (key) {
      case "build_kind":
        return sc.withRebuild(sc.rebuild().withKind(Rebuild.Kind.parse(v)));
      case "strategy":
        {
          Scenario out = Strategies.disableAll(sc);
          if (v.equals("none")) {
            return out;
          }
          for (String s : v.split("\\+")) {
            out = Strategies.enable(out, s.trim());
          }
          return out;
        }
      default:
        String k =
            key.contains(".")
                ? key
                : BARE_BUILD_KEYS.contains(key)
                    ? Schema.BUILD.name() + "." + key
                    : Schema.PROFILE.has(key) ? Schema.PROFILE.name() + "." + key : key;
        return ScenarioOverrides.applyOne(sc, k, v.trim());
    }
  }

  private static String sha256(String text) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A canonical one-line description: what --resume checks it is continuing. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("scenario=")
        .append(scenario.name())
        .append(" sha256=")
        .append(sha256(ScenarioWriter.write(scenario, List.of())))
        .append(" replications=")
        .append(replications)
        .append(" seed=")
        .append(seed)
        .append(" noise=")
        .append(noise)
        .append(" crn=")
        .append(commonRandomNumbers);
    parameters.forEach(
        (k, v) -> sb.append(" vary ").append(k).append('=').append(String.join(",", v)));
    return sb.toString();
  }
}
