package org.cratesim.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cratesim.model.BuildOverrideSettings;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.PendingQueue;
import org.cratesim.model.Scenario;
import org.cratesim.model.StrategyDecl;

/**
 * The registry: strategies by name, each built from its declared parameters over documented
 * defaults (Caffeine's policy registry, with records instead of annotations).
 */
public final class Strategies {
  private Strategies() {}

  /** Name -> (parameter defaults, factory). */
  private static final Map<String, Entry> REGISTRY = registry();

  private record Entry(Map<String, Object> defaults, Function<Params, BuildStrategy> factory) {}

  private static Map<String, Entry> registry() {
    Map<String, Entry> r = new LinkedHashMap<>();
    r.put(
        PrecompiledProcMacros.ID,
        new Entry(
            map("crates", List.of(), "per_invocation_s", 0.0046),
            p -> new PrecompiledProcMacros(p.list("crates"), p.num("per_invocation_s"))));
    r.put(
        WasmProcMacros.ID,
        new Entry(
            map(
                "crates",
                List.of(),
                "runtime",
                "interpreted",
                "runtime_build_s",
                3.0,
                "shim_s",
                0.3,
                "interpreter_slowdown",
                100.0,
                "jit_startup_s",
                0.5,
                "jit_slowdown",
                2.0),
            p ->
                new WasmProcMacros(
                    p.list("crates"),
                    p.choice("runtime", "interpreted", "jit").equals("jit"),
                    p.num("runtime_build_s"),
                    p.num("shim_s"),
                    p.num("interpreter_slowdown"),
                    p.num("jit_startup_s"),
                    p.num("jit_slowdown"))));
    r.put(
        ExpansionCache.ID,
        new Entry(
            map(
                "changed_share",
                0.05,
                "hit_cost_s",
                0.0002,
                "cacheable_share",
                ExpansionCache.DEFAULT_CACHEABLE_SHARE,
                "deny",
                List.of()),
            p ->
                new ExpansionCache(
                    p.num("changed_share"),
                    p.num("hit_cost_s"),
                    p.num("cacheable_share"),
                    p.list("deny"))));
    r.put(
        SharedCache.ID,
        new Entry(
            map(
                "hit_rate",
                SharedCache.DEFAULT_HIT_RATE,
                "fetch_share",
                SharedCache.DEFAULT_FETCH_SHARE,
                "write_share",
                0.05),
            p -> new SharedCache(p.num("hit_rate"), p.num("fetch_share"), p.num("write_share"))));
    r.put(ProcMacrosFirst.ID, new Entry(map(), p -> new ProcMacrosFirst()));
    r.put(
        PendingQueueOrder.ID,
        new Entry(
            map("order", "priority"),
            p ->
                new PendingQueueOrder(
                    PendingQueue.parse(p.choice("order", "priority", "oldest-first")))));
    r.put(
        SchedulingHints.ID,
        new Entry(
            map("crates", List.of(), "factor", 10.0),
            p -> new SchedulingHints(p.list("crates"), p.num("factor"))));
    r.put(
        BuildOverride.ID,
        new Entry(
            map(
                "opt_level",
                BuildOverride.KEEP,
                "debug",
                BuildOverride.KEEP,
                "codegen_units",
                BuildOverride.KEEP),
            p ->
                new BuildOverride(
                    new BuildOverrideSettings(
                        p.kept(
                            "opt_level", BuildOverrideSettings::optLevelOf, "0, 1, 2, 3, s or z"),
                        p.kept(
                            "debug",
                            BuildOverrideSettings::debugLevel,
                            "0, 1, 2, true, false, none, limited, line-tables-only or full"),
                        p.kept(
                            "codegen_units", Strategies::codegenUnits, "a whole number >= 1")))));
    return r;
  }

  /** A codegen-units parameter: a whole number >= 1. */
  private static Optional<Integer> codegenUnits(Object v) {
    if (v instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= 1
        && n.doubleValue() <= Integer.MAX_VALUE) {
      return Optional.of((int) n.doubleValue());
    }
    return Optional.empty();
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Registered names. */
  public static Set<String> names() {
    return REGISTRY.keySet();
  }

  /** A strategy's parameters with their defaults. */
  public static Map<String, Object> defaults(String name) {
    return entry(name).defaults();
  }

  /** Builds a declared strategy; a bad name, key or value is an IllegalArgumentException. */
  public static BuildStrategy create(StrategyDecl d) {
    Entry e = entry(d.name());
    for (String k : d.params().keySet()) {
      if (!e.defaults().containsKey(k)) {
        throw new IllegalArgumentException(
            "strategy '"
                + d.name()
                + "' has no parameter '"
                + k
                + "' (known: "
                + String.join(", ", e.defaults().keySet())
                + ")");
      }
    }
    Map<String, Object> p = new LinkedHashMap<>(e.defaults());
    p.putAll(d.params());
    return e.factory().apply(new Params(d.name(), p));
  }

  /** The scenario with cargo's settings as its switched-on strategies schedule the build. */
  public static Scenario scheduled(Scenario sc) {
    BuildSettings b = sc.build();
    for (BuildStrategy st : active(sc)) {
      b = st.schedule(b);
    }
    return b == sc.build() ? sc : sc.withBuild(b);
  }

  /** The scenario's switched-on strategies, in order. */
  public static List<BuildStrategy> active(Scenario sc) {
    List<BuildStrategy> out = new ArrayList<>();
    for (StrategyDecl d : sc.strategies()) {
      if (d.enabled()) {
        out.add(create(d));
      }
    }
    return out;
  }

  /** Switches a strategy on: the scenario's declaration of it, or a new one with the defaults. */
  public static Scenario enable(Scenario sc, String spec) {
    int colon = spec.indexOf(':');
    String name = colon < 0 ? spec : spec.substring(0, colon);
    Map<String, Object> given = colon < 0 ? Map.of() : parseParams(name, spec.substring(colon + 1));
    entry(name);
    List<StrategyDecl> out = new ArrayList<>();
    boolean found = false;
    for (StrategyDecl d : sc.strategies()) {
      if (d.name().equals(name)) {
        found = true;
        Map<String, Object> p = new LinkedHashMap<>(d.params());
        p.putAll(given);
        d = new StrategyDecl(name, true, p);
      }
      out.add(d);
    }
    if (!found) {
      out.add(new StrategyDecl(name, true, given));
    }
    create(out.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow());
    return sc.withStrategies(out);
  }

  /**
   * {@code key=value,key=value} after a strategy's name on the command line: numbers, true or
   * false, or text; a list is written {@code a;b}.
   */
  private static Map<String, Object> parseParams(String name, String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String kv : text.split(",")) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "'" + kv + "': write " + name + ":key=value[,key=value...]");
      }
      String k = kv.substring(0, eq).trim();
      String v = kv.substring(eq + 1).trim();
      Object parsed;
      if (v.equals("true") || v.equals("false")) {
        parsed = Boolean.parseBoolean(v);
      } else if (v.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
        parsed = Double.parseDouble(v);
      } else if (Strategies.defaults(name).get(k) instanceof List) {
        parsed = v.isEmpty() ? List.of() : List.of((Object[]) v.split(";"));
      } else {
        parsed = v;
      }
      out.put(k, parsed);
    }
    return out;
  }

  /**
   * Why the strategies switched on in {@code sc} cannot change its build: every one of them has a
   * reason ({@link BuildStrategy#whyNot}), joined; empty when one of them may apply or none is on.
   */
  public static Optional<String> whyNot(Scenario sc) {
    List<String> reasons = new ArrayList<>();
    for (BuildStrategy st : active(sc)) {
      Optional<String> r = st.whyNot(sc);
      if (r.isEmpty()) {
        return Optional.empty();
      }
      reasons.add(r.get());
    }
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  /** Switches every strategy off (the baseline of a comparison). */
  public static Scenario disableAll(Scenario sc) {
    return sc.withStrategies(sc.strategies().stream().map(d -> d.withEnabled(false)).toList());
  }

  private static Entry entry(String name) {
    Entry e = REGISTRY.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "unknown strategy '" + name + "' (known: " + String.join(", ", REGISTRY.keySet()) + ")");
    }
    return e;
  }

  /** Typed access to a strategy's parameters. */
  private record Params(String strategy, Map<String, Object> values) {
    double num(String k) {
      Object v = values.get(k);
      if (!(v instanceof Number)) {
        throw new IllegalArgumentException(strategy + "." + k + " must be a number");
      }
      return ((Number) v).doubleValue();
    }

    @SuppressWarnings("unchecked")
    List<String> list(String k) {
      Object v = values.get(k);
      if (!(v instanceof List) || !((List<Object>) v).stream().allMatch(x -> x instanceof String)) {
        throw new IllegalArgumentException(strategy + "." + k + " must be a list of names");
      }
      return (List<String>) v;
    }

    /**
     * A parameter that is {@link BuildOverride#KEEP} (empty) or a value {@code parse} reads (empty:
     * an IllegalArgumentException saying {@code expected}).
     */
    <T> Optional<T> kept(String k, Function<Object, Optional<T>> parse, String expected) {
      Object v = values.get(k);
      if (BuildOverride.KEEP.equals(v)) {
        return Optional.empty();
      }
      Optional<T> out = parse.apply(v);
      if (out.isEmpty()) {
        throw new IllegalArgumentException(
            strategy + "." + k + " must be " + expected + " (or " + BuildOverride.KEEP + ")");
      }
      return out;
    }

    String choice(String k, String... allowed) {
      Object v = values.get(k);
      if (!(v instanceof String) || !List.of(allowed).contains(v)) {
        throw new IllegalArgumentException(
            strategy + "." + k + " must be one of " + String.join(", ", allowed));
      }
      return (String) v;
    }
  }
}
