package org.cratesim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cratesim.model.BuildOverrideSettings;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.CargoVersion;
import org.cratesim.model.CrateSize;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Linker;
import org.cratesim.model.Lto;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Mode;
import org.cratesim.model.PendingQueue;
import org.cratesim.model.Phases;
import org.cratesim.model.ProfileSettings;
import org.cratesim.model.Rebuild;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.SchedulingPolicy;
import org.cratesim.scenario.Schema.Key;
import org.cratesim.scenario.Schema.Table;

/**
 * {@code --set KEY=VALUE} on the command line: the scenario file's keys, by their table, applied
 * after reading ({@code build.jobs=8}, {@code profile.lto=fat}, {@code
 * costs.llvm_opt_exponent=1.2}, {@code crate.app.codegen_units=1}); the keys are the {@link
 * Schema}'s settable ones. The file, then the overrides, as in Caffeine's layered configuration.
 */
public final class ScenarioOverrides {
  private ScenarioOverrides() {}

  /** Applies overrides in order; a bad key or value is an {@link IllegalArgumentException}. */
  public static Scenario apply(Scenario sc, Map<String, String> overrides) {
    Scenario out = sc;
    for (var e : overrides.entrySet()) {
      try {
        out = applyOne(out, e.getKey(), e.getValue().trim());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            "--set " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage());
      }
    }
    return out;
  }

  /**
   * One {@code TABLE.KEY} override; a bad key or value is an IllegalArgumentException whose message
   * names neither (the caller says where it came from).
   */
  public static Scenario applyOne(Scenario sc, String key, String v) {
    String[] p = key.split("\\.", 2);
    if (p.length < 2) {
      throw new IllegalArgumentException("keys are TABLE.KEY, e.g. profile.lto or build.jobs");
    }
    if (Schema.table(p[0]).filter(t -> !t.settable().isEmpty()).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown table '"
              + p[0]
              + "' (known: "
              + String.join(", ", Schema.settableTables())
              + ")");
    }
    checkRange(p[0], p[0].equals("crate") ? p[1].substring(p[1].lastIndexOf('.') + 1) : p[1], v);
    switch (p[0]) {
      case "build":
        return sc.withBuild(build(sc.build(), p[1], v));
      case "machine":
        return sc.withMachine(machine(sc.machine(), p[1], num(v)));
      case "rustc":
        return sc.withRustc(rustc(sc.rustc(), p[1], num(v)));
      case "profile":
        return sc.withProfile(profile(sc.profile(), p[1], v));
      case "costs":
        return sc.withCosts(sc.costs().with(p[1], num(v)));
      case "crate":
        return crate(sc, p[1], v);
      case "incremental":
        return sc.withRebuild(incremental(sc.rebuild(), p[1], v));
      default:
        throw new IllegalStateException("no --set for table " + p[0]);
    }
  }

  /**
   * A number outside its key's {@link Schema} range (the limits that keep the simulated clock from
   * overflowing) is refused, as the file's reader refuses it.
   */
  private static void checkRange(String table, String key, String v) {
    Table t = Schema.table(table).orElse(null);
    if (t == null || !t.has(key)) {
      return;
    }
    Key k = t.key(key);
    if (k.type() != Schema.Type.NUMBER
        && k.type() != Schema.Type.SHARE
        && k.type() != Schema.Type.INTEGER) {
      return;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return;
    }
    if (!Double.isNaN(d) && !k.range().contains(d)) {
      throw new IllegalArgumentException(
          key
              + (k.range().minOpen() || k.range().maxOpen()
                  ? " must be in " + k.range()
                  : " must be between "
                      + Schema.Range.bound(k.range().min())
                      + " and "
                      + Schema.Range.bound(k.range().max()))
              + ", was "
              + v);
    }
  }

  private static BuildSettings build(BuildSettings b, String k, String v) {
    switch (k) {
      case "jobs":
        return b.withJobs(integer(v));
      case "mode":
        return b.withMode(Mode.parse(v));
      case "startup_s":
        return b.withStartup(num(v));
      case "scheduling":
        return b.withScheduling(SchedulingPolicy.parse(v));
      case "cargo_version":
        return b.withCargo(CargoVersion.parse(v));
      case "pending_queue":
        return b.withPendingQueue(PendingQueue.parse(v));
      default:
        throw unknown(Schema.BUILD, k);
    }
  }

  private static Rebuild incremental(Rebuild r, String k, String v) {
    if (k.equals("enabled")) {
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException("incremental.enabled must be true or false");
      }
      return r.withIncremental(Optional.of(Boolean.parseBoolean(v)));
    }
    if (!Schema.INCREMENTAL.has(k)) {
      throw unknown(Schema.INCREMENTAL, k);
    }
    List<Key> keys = Schema.rebuildValues();
    int i = keys.indexOf(Schema.INCREMENTAL.key(k));
    double[] x = r.values();
    x[i] = num(v);
    if (keys.get(i).type() == Schema.Type.SHARE && !keys.get(i).range().contains(x[i])) {
      throw new IllegalArgumentException(k + " is a share: between 0 and 1");
    }
    if (!(x[i] >= 0)) {
      throw new IllegalArgumentException(k + " must be >= 0");
    }
    return r.withValues(x);
  }

  private static MachineSettings machine(MachineSettings m, String k, double v) {
    if (!Schema.MACHINE.has(k)) {
      throw unknown(Schema.MACHINE, k);
    }
    return new MachineSettings(
        k.equals("contention_frontend") ? v : m.contentionFrontend(),
        k.equals("contention_codegen") ? v : m.contentionCodegen(),
        k.equals("contention_other") ? v : m.contentionOther(),
        k.equals("speed_frontend") ? v : m.speedFrontend(),
        k.equals("speed_codegen") ? v : m.speedCodegen(),
        k.equals("speed_other") ? v : m.speedOther());
  }

  private static RustcSettings rustc(RustcSettings r, String k, double v) {
    switch (k) {
      case "codegen_serial_share":
        return new RustcSettings(v, r.codegenFixedS(), r.cguSizeRatio(), r.thinLocalLtoShare());
      case "codegen_fixed_s":
        return new RustcSettings(
            r.codegenSerialShare(), v, r.cguSizeRatio(), r.thinLocalLtoShare());
      case "cgu_size_ratio":
        return new RustcSettings(
            r.codegenSerialShare(), r.codegenFixedS(), v, r.thinLocalLtoShare());
      case "thin_local_lto_share":
        return new RustcSettings(r.codegenSerialShare(), r.codegenFixedS(), r.cguSizeRatio(), v);
      default:
        throw unknown(Schema.RUSTC, k);
    }
  }

  private static ProfileSettings profile(ProfileSettings p, String k, String v) {
    if (k.startsWith("build-override.")) {
      return p.withBuildOverride(
          buildOverride(p.buildOverride(), k.substring("build-override.".length()), v));
    }
    switch (k) {
      case "opt_level":
        return p.withOptLevel(Optional.of(v.replace("\"", "")));
      case "codegen_units":
        return p.withCodegenUnits(Optional.of(integer(v)));
      case "lto":
        return p.withLto(Optional.of(Lto.parse(v)));
      case "share_generics":
        if (!v.equals("true") && !v.equals("false")) {
          throw new IllegalArgumentException("share_generics is true or false");
        }
        return p.withShareGenerics(Optional.of(Boolean.parseBoolean(v)));
      case "linker":
        return p.withLinker(Optional.of(Linker.parse(v)));
      case "frontend_threads":
        return p.withFrontendThreads(integer(v));
      case "debuginfo":
        int d =
            v.equals("none")
                ? 0
                : v.equals("line-tables-only") ? 1 : v.equals("full") ? 2 : integer(v);
        return p.withDebuginfo(Optional.of(d));
      case "build_override_debug":
        return p.withBuildOverride(p.buildOverride().withDebug(Optional.of(integer(v))));
      default:
        throw new IllegalArgumentException(
            "unknown key '"
                + k
                + "' (known: "
                + String.join(", ", Schema.PROFILE.settable())
                + ", build-override."
                + String.join(", build-override.", Schema.BUILD_OVERRIDE.settable())
                + ")");
    }
  }

  /** {@code profile.build-override.KEY}: cargo's keys and spellings. */
  private static BuildOverrideSettings buildOverride(
      BuildOverrideSettings b, String k, String raw) {
    String v = raw.replace("\"", "");
    switch (k) {
      case "opt-level":
        return b.withOptLevel(
            Optional.of(
                BuildOverrideSettings.optLevelOf(v)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "build-override opt-level must be 0, 1, 2, 3, s or z"))));
      case "debug":
        return b.withDebug(
            Optional.of(
                BuildOverrideSettings.debugLevel(v)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "build-override debug must be 0, 1, 2, true, false, none, "
                                    + "limited, line-tables-only or full"))));
      case "codegen-units":
        return b.withCodegenUnits(Optional.of(integer(v)));
      default:
        throw unknown(Schema.BUILD_OVERRIDE, k);
    }
  }

  private static Scenario crate(Scenario sc, String rest, String v) {
    int dot = rest.lastIndexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("crate keys are crate.NAME.KEY");
    }
    String name = rest.substring(0, dot);
    String k = rest.substring(dot + 1);
    List<CrateSpec> out = new ArrayList<>();
    boolean found = false;
    for (CrateSpec c : sc.crates()) {
      if (c.name().equals(name)) {
        found = true;
        c = crateKey(c, k, v);
      }
      out.add(c);
    }
    if (!found) {
      throw new IllegalArgumentException("no crate '" + name + "'");
    }
    return sc.withCrates(out);
  }

  private static CrateSpec crateKey(CrateSpec c, String k, String v) {
    Phases p = c.phases();
    Optional<CrateSize> size = c.size();
    switch (k) {
      case "codegen_units":
        p = new Phases(p.frontendS(), p.codegenS(), integer(v), p.linkS());
        break;
      case "frontend_s":
      case "codegen_s":
      case "link_s":
        if (c.sizeBased()) {
          throw new IllegalArgumentException("crate '" + c.name() + "' is described by size");
        }
        double x = num(v);
        p =
            new Phases(
                k.equals("frontend_s") ? x : p.frontendS(),
                k.equals("codegen_s") ? x : p.codegenS(),
                p.codegenUnits(),
                k.equals("link_s") ? x : p.linkS());
        break;
      case "loc":
      case "own_instantiations":
        CrateSize s =
            size.orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "crate '" + c.name() + "' is described in seconds"));
        long n = integer(v);
        size =
            Optional.of(
                k.equals("loc")
                    ? new CrateSize(
                        n, s.macroInvocations(), s.ownInstantiations(), s.upstreamInstantiations())
                    : new CrateSize(s.loc(), s.macroInvocations(), n, s.upstreamInstantiations()));
        break;
      default:
        throw unknown(Schema.CRATE, k);
    }
    return new CrateSpec(
        c.name(),
        c.version(),
        c.kind(),
        c.deps(),
        p,
        size,
        c.buildScript(),
        c.builtFor(),
        c.line());
  }

  private static double num(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + v + "' is not a number");
    }
  }

  private static int integer(String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + v + "' is not a whole number");
    }
  }

  private static IllegalArgumentException unknown(Table t, String k) {
    return new IllegalArgumentException(
        "unknown key '" + k + "' (known: " + String.join(", ", t.settable()) + ")");
  }
}
