package org.cratesim.scenario;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cratesim.model.BuildScriptSpec;
import org.cratesim.model.CostRates;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSize;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Linker;
import org.cratesim.model.Lto;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Mode;
import org.cratesim.model.Phases;
import org.cratesim.model.ProfileSettings;
import org.cratesim.model.Rebuild;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.SchedulingPolicy;
import org.cratesim.model.StrategyDecl;
import org.cratesim.strategy.Strategies;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads a scenario from TOML. Every key is checked: unknown keys, wrong types, missing required
 * fields, negative times, unknown or duplicate crates and dependency cycles are reported as a
 * {@link ScenarioException} naming the file and line.
 */
public final class ScenarioReader {
  private static final Set<String> TOP_KEYS =
      Set.of("name", "build", "machine", "rustc", "profile", "costs", "incremental", "crate",
          "strategy");
  private static final Set<String> INCREMENTAL_KEYS = incrementalKeys();

  private static Set<String> incrementalKeys() {
    Set<String> k = new java.util.HashSet<>(Rebuild.KEYS);
    k.add("enabled");
    return Set.copyOf(k);
  }
  private static final Set<String> PROFILE_KEYS = Set.of("opt_level", "codegen_units", "lto",
      "share_generics", "linker", "frontend_threads", "debuginfo");
  private static final Set<String> BUILD_KEYS =
      Set.of("jobs", "mode", "startup_s", "scheduling", "kind", "edits", "workspace");
  private static final Set<String> MACHINE_KEYS =
      Set.of("contention_frontend", "contention_codegen", "contention_other", "speed_frontend",
          "speed_codegen", "speed_other");
  private static final Set<String> RUSTC_KEYS =
      Set.of("codegen_serial_share", "codegen_fixed_s", "cgu_size_ratio", "thin_local_lto_share");
  private static final Set<String> CRATE_KEYS =
      Set.of("name", "version", "kind", "deps", "frontend_s", "codegen_s", "codegen_units",
          "link_s", "build_script", "built_for", "loc", "macro_invocations",
          "own_instantiations", "upstream_instantiations");
  private static final Set<String> SCRIPT_KEYS =
      Set.of("compile_s", "frontend_s", "codegen_s", "codegen_units", "link_s", "run_s",
          "run_parallel_share", "deps");

  private final String source;

  private ScenarioReader(String source) {
    this.source = source;
  }

  /** Reads and validates a scenario file. */
  public static Scenario read(Path file) throws ScenarioException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(file.toString(), 0, "no such file");
    } catch (MalformedInputException e) {
      throw new ScenarioException(file.toString(), 0, "not UTF-8 text");
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses and validates scenario text; {@code source} names it in messages. */
  public static Scenario parse(String text, String source) throws ScenarioException {
    return new ScenarioReader(source).parse(text);
  }

  private Scenario parse(String text) throws ScenarioException {
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      TomlParseError e = toml.errors().get(0);
      throw new ScenarioException(source, e.position().line(), "TOML syntax: " + e.getMessage());
    }
    checkKeys(toml, TOP_KEYS, "");
    String name = optString(toml, "name", defaultName());

    TomlTable build = optTable(toml, "build");
    if (build == null) {
      throw new ScenarioException(source, 0, "missing [build] table (it needs at least jobs)");
    }
    checkKeys(build, BUILD_KEYS, "build.");
    if (!build.contains(List.of("jobs"))) {
      throw error(build, null, "[build] needs jobs (cargo -j)");
    }
    int jobs = positiveInt(build, "jobs");
    Mode mode = parseEnum(build, "mode", "debug", Mode::parse);
    double startup = time(build, "startup_s", 0.0);
    SchedulingPolicy policy = parseEnum(build, "scheduling", "cargo", SchedulingPolicy::parse);
    BuildSettings settings = new BuildSettings(jobs, mode, startup, policy);

    MachineSettings machine = MachineSettings.NONE;
    TomlTable m = optTable(toml, "machine");
    if (m != null) {
      checkKeys(m, MACHINE_KEYS, "machine.");
      machine = new MachineSettings(time(m, "contention_frontend", 0), time(m,
          "contention_codegen", 0), time(m, "contention_other", 0), speed(m, "speed_frontend"),
          speed(m, "speed_codegen"), speed(m, "speed_other"));
    }
    RustcSettings rustc = RustcSettings.DEFAULT;
    TomlTable r = optTable(toml, "rustc");
    if (r != null) {
      checkKeys(r, RUSTC_KEYS, "rustc.");
      double share = number(r, "codegen_serial_share", RustcSettings.DEFAULT.codegenSerialShare());
      if (share < 0 || share > 1) {
        throw error(r, "codegen_serial_share", "codegen_serial_share must be between 0 and 1");
      }
      double ratio = number(r, "cgu_size_ratio", 1.0);
      if (!(ratio > 0 && ratio <= 1)) {
        throw error(r, "cgu_size_ratio", "cgu_size_ratio must be in (0, 1]");
      }
      double lto = number(r, "thin_local_lto_share", 0.0);
      if (!(lto >= 0 && lto < 1)) {
        throw error(r, "thin_local_lto_share", "thin_local_lto_share must be in [0, 1)");
      }
      rustc = new RustcSettings(share, time(r, "codegen_fixed_s", 0), ratio, lto);
    }

    Rebuild rebuild = rebuild(build, optTable(toml, "incremental"));
    ProfileSettings profile = ProfileSettings.DEFAULT;
    TomlTable pt = optTable(toml, "profile");
    if (pt != null) {
      checkKeys(pt, PROFILE_KEYS, "profile.");
      profile = profile(pt);
    }
    CostRates costs = CostRates.shipped();
    TomlTable ct = optTable(toml, "costs");
    if (ct != null) {
      checkKeys(ct, CostRates.KEYS.keySet(), "costs.");
      for (String k : ct.keySet()) {
        costs = costs.with(k, time(ct, k, 0));
      }
    }

    Object cratesObj = toml.get(List.of("crate"));
    if (cratesObj == null) {
      throw new ScenarioException(source, 0, "no [[crate]] entries");
    }
    if (!(cratesObj instanceof TomlArray)) {
      throw error(toml, "crate", "crate must be an array of tables: write [[crate]]");
    }
    TomlArray arr = (TomlArray) cratesObj;
    for (int i = 0; i < arr.size(); i++) {
      if (!(arr.get(i) instanceof TomlTable)) {
        throw error(toml, "crate", "crate must be an array of tables: write [[crate]]");
      }
    }
    List<CrateSpec> crates = new ArrayList<>(arr.size());
    Map<String, Integer> lines = new HashMap<>();
    for (int i = 0; i < arr.size(); i++) {
      TomlTable t = arr.getTable(i);
      int line = arr.inputPositionOf(i) == null ? 0 : arr.inputPositionOf(i).line();
      CrateSpec c = crate(t, line);
      Integer prev = lines.putIfAbsent(c.name(), line);
      if (prev != null) {
        throw error(t, "name",
            "duplicate crate '" + c.name() + "' (first declared at line " + prev + ")");
      }
      crates.add(c);
    }
    List<StrategyDecl> strategies = strategies(toml);
    Scenario sc = new Scenario(name, source, settings, machine, rustc, profile, costs, rebuild,
        strategies, crates);
    ScenarioValidator.validate(sc);
    return sc;
  }

  private String defaultName() {
    String base = Path.of(source).getFileName() == null ? source : Path.of(source).getFileName()
        .toString();
    return base.endsWith(".toml") ? base.substring(0, base.length() - 5) : base;
  }

  private CrateSpec crate(TomlTable t, int line) throws ScenarioException {
    checkKeys(t, CRATE_KEYS, "crate.");
    if (!t.contains(List.of("name"))) {
      throw new ScenarioException(source, line, "[[crate]] needs a name");
    }
    String name = string(t, "name");
    if (name.isBlank()) {
      throw error(t, "name", "crate name must not be empty");
    }
    String version = optString(t, "version", "0.1.0");
    CrateKind kind = parseEnum(t, "kind", "lib", CrateKind::parse);
    List<String> deps = stringList(t, "deps");
    boolean bySize = t.contains(List.of("loc"));
    Optional<CrateSize> size = Optional.empty();
    Phases phases;
    if (bySize) {
      for (String k : List.of("frontend_s", "codegen_s", "link_s")) {
        if (t.contains(List.of(k))) {
          throw error(t, k, "crate '" + name + "' is described by its size (loc): give either "
              + "loc and sizes or frontend_s and seconds, not both");
        }
      }
      long own = t.contains(List.of("own_instantiations")) ? count(t, "own_instantiations") : -1;
      size = Optional.of(new CrateSize(count(t, "loc"), counts(t, "macro_invocations"), own,
          counts(t, "upstream_instantiations")));
      phases = new Phases(0, 0, optPositiveInt(t, "codegen_units", 0), 0);
    } else {
      for (String k : List.of("macro_invocations", "own_instantiations",
          "upstream_instantiations")) {
        if (t.contains(List.of(k))) {
          throw error(t, k, k + " describes a crate by its size: give loc as well");
        }
      }
      if (!t.contains(List.of("frontend_s"))) {
        throw new ScenarioException(source, line, "crate '" + name
            + "' needs frontend_s (seconds) or loc (lines of code)");
      }
      phases = new Phases(time(t, "frontend_s", 0), time(t, "codegen_s", 0),
          optPositiveInt(t, "codegen_units", 0), time(t, "link_s", 0));
    }
    Optional<BuildScriptSpec> script = Optional.empty();
    Object bs = t.get(List.of("build_script"));
    if (bs != null) {
      if (!(bs instanceof TomlTable)) {
        throw error(t, "build_script", "build_script must be a table, e.g. "
            + "{ compile_s = 0.5, run_s = 0.1 }");
      }
      script = Optional.of(buildScript((TomlTable) bs, t, name));
    }
    Set<CrateSpec.Side> builtFor = EnumSet.noneOf(CrateSpec.Side.class);
    for (String side : stringList(t, "built_for")) {
      switch (side) {
        case "host":
          builtFor.add(CrateSpec.Side.HOST);
          break;
        case "target":
          builtFor.add(CrateSpec.Side.TARGET);
          break;
        default:
          throw error(t, "built_for", "built_for holds \"host\" and/or \"target\", not \""
              + side + "\"");
      }
    }
    if (t.contains(List.of("built_for")) && builtFor.isEmpty()) {
      throw error(t, "built_for", "built_for must not be empty (omit it to derive it)");
    }
    return new CrateSpec(name, version, kind, deps, phases, size, script, builtFor, line);
  }

  private List<StrategyDecl> strategies(TomlTable toml) throws ScenarioException {
    Object o = toml.get(List.of("strategy"));
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof TomlArray)) {
      throw error(toml, "strategy", "strategy must be an array of tables: write [[strategy]]");
    }
    TomlArray arr = (TomlArray) o;
    List<StrategyDecl> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      if (!(arr.get(i) instanceof TomlTable)) {
        throw error(toml, "strategy", "strategy must be an array of tables: write [[strategy]]");
      }
      TomlTable t = arr.getTable(i);
      int line = arr.inputPositionOf(i) == null ? 0 : arr.inputPositionOf(i).line();
      if (!t.contains(List.of("name"))) {
        throw new ScenarioException(source, line, "[[strategy]] needs a name (one of "
            + String.join(", ", Strategies.names()) + ")");
      }
      String name = string(t, "name");
      boolean enabled = true;
      Map<String, Object> params = new LinkedHashMap<>();
      for (String k : t.keySet()) {
        Object v = t.get(List.of(k));
        if (k.equals("name")) {
          continue;
        } else if (k.equals("enabled")) {
          if (!(v instanceof Boolean)) {
            throw error(t, k, "enabled must be true or false");
          }
          enabled = (Boolean) v;
        } else if (v instanceof TomlArray) {
          List<Object> list = new ArrayList<>();
          TomlArray a = (TomlArray) v;
          for (int j = 0; j < a.size(); j++) {
            list.add(a.get(j));
          }
          params.put(k, list);
        } else if (v instanceof Long) {
          params.put(k, ((Long) v).doubleValue());
        } else {
          params.put(k, v);
        }
      }
      StrategyDecl d = new StrategyDecl(name, enabled, params);
      try {
        Strategies.create(d);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(source, line, e.getMessage());
      }
      out.add(d);
    }
    return out;
  }

  private Rebuild rebuild(TomlTable build, TomlTable inc) throws ScenarioException {
    Rebuild d = Rebuild.CLEAN;
    Rebuild.Kind kind = parseEnum(build, "kind", "clean", Rebuild.Kind::parse);
    List<String> edits = stringList(build, "edits");
    List<String> workspace = stringList(build, "workspace");
    if (kind == Rebuild.Kind.INCREMENTAL && edits.isEmpty()) {
      throw error(build, "kind", "an incremental build needs edits = [\"crate\", ...]");
    }
    Optional<Boolean> enabled = Optional.empty();
    double[] v = d.values();
    if (inc != null) {
      checkKeys(inc, INCREMENTAL_KEYS, "incremental.");
      Object e = inc.get(List.of("enabled"));
      if (e != null) {
        if (!(e instanceof Boolean)) {
          throw error(inc, "enabled", "enabled must be true or false");
        }
        enabled = Optional.of((Boolean) e);
      }
      for (int i = 0; i < Rebuild.KEYS.size(); i++) {
        String key = Rebuild.KEYS.get(i);
        v[i] = time(inc, key, v[i]);
        if (key.endsWith("_share") && v[i] > 1) {
          throw error(inc, key, key + " is a share: between 0 and 1");
        }
      }
    }
    return d.withKind(kind).withEdits(edits).withWorkspace(workspace).withIncremental(enabled)
        .withValues(v);
  }

  private ProfileSettings profile(TomlTable t) throws ScenarioException {
    Optional<String> opt = Optional.empty();
    Object o = t.get(List.of("opt_level"));
    if (o != null) {
      String v = o instanceof Long ? String.valueOf(o) : o instanceof String ? (String) o : null;
      if (v == null || !v.matches("[0-3sz]")) {
        throw error(t, "opt_level", "opt_level must be 0, 1, 2, 3, \"s\" or \"z\"");
      }
      opt = Optional.of(v);
    }
    Optional<Integer> cgus = t.contains(List.of("codegen_units"))
        ? Optional.of(positiveInt(t, "codegen_units")) : Optional.empty();
    Optional<Lto> lto = t.contains(List.of("lto"))
        ? Optional.of(parseEnum(t, "lto", "thin-local", Lto::parse)) : Optional.empty();
    Optional<Boolean> share = Optional.empty();
    Object sg = t.get(List.of("share_generics"));
    if (sg != null) {
      if (!(sg instanceof Boolean)) {
        throw error(t, "share_generics", "share_generics must be true or false");
      }
      share = Optional.of((Boolean) sg);
    }
    Linker linker = parseEnum(t, "linker", "ld", Linker::parse);
    int threads = t.contains(List.of("frontend_threads")) ? positiveInt(t, "frontend_threads") : 1;
    if (threads > 256) {
      throw error(t, "frontend_threads", "frontend_threads must be at most 256");
    }
    Optional<Integer> debuginfo = Optional.empty();
    Object d = t.get(List.of("debuginfo"));
    if (d != null) {
      Integer level = d instanceof Long && (Long) d >= 0 && (Long) d <= 2 ? (int) (long) (Long) d
          : "none".equals(d) ? Integer.valueOf(0)
          : "line-tables-only".equals(d) ? Integer.valueOf(1)
          : "full".equals(d) ? Integer.valueOf(2) : null;
      if (level == null) {
        throw error(t, "debuginfo", "debuginfo must be 0, 1, 2, \"none\", "
            + "\"line-tables-only\" or \"full\"");
      }
      debuginfo = Optional.of(level);
    }
    return new ProfileSettings(opt, cgus, lto, share, linker, threads, debuginfo);
  }

  private long count(TomlTable t, String key) throws ScenarioException {
    Object v = t.get(List.of(key));
    if (v == null) {
      return 0;
    }
    if (!(v instanceof Long) || (Long) v < 0) {
      throw error(t, key, key + " must be a whole number >= 0, was " + describe(v));
    }
    return (Long) v;
  }

  private Map<String, Long> counts(TomlTable t, String key) throws ScenarioException {
    Object v = t.get(List.of(key));
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof TomlTable)) {
      throw error(t, key, key + " must be a table of counts, e.g. { serde_derive = 150 }");
    }
    TomlTable m = (TomlTable) v;
    Map<String, Long> out = new LinkedHashMap<>();
    for (String k : m.keySet()) {
      Object x = m.get(List.of(k));
      if (!(x instanceof Long) || (Long) x < 0) {
        throw error(t, key, key + "." + k + " must be a whole number >= 0");
      }
      out.put(k, (Long) x);
    }
    return out;
  }

  private double speed(TomlTable t, String key) throws ScenarioException {
    double d = number(t, key, 1.0);
    if (d <= 0) {
      throw error(t, key, key + " must be > 0, was " + d);
    }
    return d;
  }

  private BuildScriptSpec buildScript(TomlTable bs, TomlTable parent, String crate)
      throws ScenarioException {
    for (String k : bs.keySet()) {
      if (!SCRIPT_KEYS.contains(k)) {
        throw error(parent, "build_script", "unknown key build_script." + k + " in crate '"
            + crate + "' (known: compile_s, frontend_s, codegen_s, codegen_units, link_s, "
            + "run_s, run_parallel_share, deps)");
      }
    }
    boolean lumped = bs.contains(List.of("compile_s"));
    boolean split = bs.contains(List.of("frontend_s"));
    if (lumped == split) {
      throw error(parent, "build_script", "build_script of '" + crate
          + "' needs either compile_s or frontend_s (with optional codegen_s, link_s)");
    }
    Phases compile = lumped
        ? new Phases(scriptTime(bs, parent, "compile_s"), 0, 1, 0)
        : new Phases(scriptTime(bs, parent, "frontend_s"), scriptTime(bs, parent, "codegen_s"),
            optPositiveIntIn(bs, parent, "codegen_units"), scriptTime(bs, parent, "link_s"));
    double run = scriptTime(bs, parent, "run_s");
    double runParallel = scriptTime(bs, parent, "run_parallel_share");
    if (runParallel > 1) {
      throw error(parent, "build_script", "build_script.run_parallel_share must be between 0 "
          + "and 1");
    }
    List<String> deps = new ArrayList<>();
    Object d = bs.get(List.of("deps"));
    if (d != null) {
      if (!(d instanceof TomlArray)) {
        throw error(parent, "build_script", "build_script.deps must be an array of crate names");
      }
      TomlArray a = (TomlArray) d;
      for (int i = 0; i < a.size(); i++) {
        if (!(a.get(i) instanceof String)) {
          throw error(parent, "build_script", "build_script.deps must hold strings");
        }
        deps.add((String) a.get(i));
      }
    }
    return new BuildScriptSpec(compile, run, runParallel, deps);
  }

  private double scriptTime(TomlTable bs, TomlTable parent, String key) throws ScenarioException {
    Object v = bs.get(List.of(key));
    if (v == null) {
      return 0;
    }
    if (!(v instanceof Number)) {
      throw error(parent, "build_script", "build_script." + key + " must be a number of seconds");
    }
    double d = ((Number) v).doubleValue();
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw error(parent, "build_script", "build_script." + key + " must be >= 0, was " + v);
    }
    return d;
  }

  private int optPositiveIntIn(TomlTable bs, TomlTable parent, String key)
      throws ScenarioException {
    Object v = bs.get(List.of(key));
    if (v == null) {
      return 0;
    }
    if (!(v instanceof Long) || (Long) v < 1 || (Long) v > Integer.MAX_VALUE) {
      throw error(parent, "build_script", "build_script." + key + " must be a whole number >= 1");
    }
    return (int) (long) (Long) v;
  }

  // ---- typed accessors, each failing with file:line ----

  private void checkKeys(TomlTable t, Set<String> known, String prefix) throws ScenarioException {
    for (String k : t.keySet()) {
      if (!known.contains(k)) {
        throw error(t, k, "unknown key '" + prefix + k + "' (known: "
            + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private TomlTable optTable(TomlTable t, String key) throws ScenarioException {
    Object v = t.get(List.of(key));
    if (v == null) {
      return null;
    }
    if (!(v instanceof TomlTable)) {
      throw error(t, key, key + " must be a table: write [" + key + "]");
    }
    return (TomlTable) v;
  }

  private String string(TomlTable t, String key) throws ScenarioException {
    Object v = t.get(List.of(key));
    if (!(v instanceof String)) {
      throw error(t, key, key + " must be a string, was " + describe(v));
    }
    return (String) v;
  }

  private String optString(TomlTable t, String key, String dflt) throws ScenarioException {
    return t.contains(List.of(key)) ? string(t, key) : dflt;
  }

  private <T> T parseEnum(TomlTable t, String key, String dflt, Parser<T> parser)
      throws ScenarioException {
    String s = optString(t, key, dflt);
    try {
      return parser.parse(s);
    } catch (IllegalArgumentException e) {
      throw error(t, key, e.getMessage());
    }
  }

  private int positiveInt(TomlTable t, String key) throws ScenarioException {
    Object v = t.get(List.of(key));
    if (!(v instanceof Long)) {
      throw error(t, key, key + " must be a whole number, was " + describe(v));
    }
    long l = (Long) v;
    if (l < 1 || l > 100_000) {
      throw error(t, key, key + " must be between 1 and 100000, was " + l);
    }
    return (int) l;
  }

  private int optPositiveInt(TomlTable t, String key, int dflt) throws ScenarioException {
    return t.contains(List.of(key)) ? positiveInt(t, key) : dflt;
  }

  private double number(TomlTable t, String key, double dflt) throws ScenarioException {
    Object v = t.get(List.of(key));
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Double) && !(v instanceof Long)) {
      throw error(t, key, key + " must be a number, was " + describe(v));
    }
    double d = ((Number) v).doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw error(t, key, key + " must be a finite number");
    }
    return d;
  }

  private double time(TomlTable t, String key, double dflt) throws ScenarioException {
    double d = number(t, key, dflt);
    if (d < 0) {
      throw error(t, key, key + " must not be negative, was " + d);
    }
    return d;
  }

  private List<String> stringList(TomlTable t, String key) throws ScenarioException {
    Object v = t.get(List.of(key));
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof TomlArray)) {
      throw error(t, key, key + " must be an array of crate names, was " + describe(v));
    }
    TomlArray a = (TomlArray) v;
    List<String> out = new ArrayList<>(a.size());
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i++) {
      Object e = a.get(i);
      if (!(e instanceof String)) {
        throw error(t, key, key + " must hold crate names (strings), found " + describe(e));
      }
      if (seen.put((String) e, Boolean.TRUE) == null) {
        out.add((String) e);
      }
    }
    return out;
  }

  private ScenarioException error(TomlTable t, String key, String message) {
    int line = 0;
    if (key != null) {
      TomlPosition p = t.inputPositionOf(List.of(key));
      line = p == null ? 0 : p.line();
    }
    return new ScenarioException(source, line, message);
  }

  private static String describe(Object v) {
    if (v == null) {
      return "missing";
    }
    if (v instanceof String) {
      return "the string \"" + v + "\"";
    }
    if (v instanceof Long) {
      return "the integer " + v;
    }
    if (v instanceof Double) {
      return "the number " + v;
    }
    if (v instanceof Boolean) {
      return "the boolean " + v;
    }
    if (v instanceof TomlArray) {
      return "an array";
    }
    if (v instanceof TomlTable) {
      return "a table";
    }
    return v.getClass().getSimpleName();
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(String s);
  }
}
