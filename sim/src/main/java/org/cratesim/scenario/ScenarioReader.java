package org.cratesim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cratesim.model.BuildOverrideSettings;
import org.cratesim.model.BuildScriptSpec;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.CargoVersion;
import org.cratesim.model.CostRates;
import org.cratesim.model.CrateKind;
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
import org.cratesim.model.StrategyDecl;
import org.cratesim.scenario.Schema.Key;
import org.cratesim.scenario.Schema.Range;
import org.cratesim.scenario.Schema.Table;
import org.cratesim.strategy.Strategies;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads a scenario from TOML. Every key is checked against the {@link Schema}: unknown keys, wrong
 * types, values out of range, missing required fields, unknown or duplicate crates and dependency
 * cycles are reported as a {@link ScenarioException} naming the file and line.
 */
public final class ScenarioReader {
  private final String source;
  private final int chunkedFrom;

  private ScenarioReader(String source, int chunkedFrom) {
    this.source = source;
    this.chunkedFrom = chunkedFrom;
  }

  /** Reads and validates a scenario file. */
  public static Scenario read(Path file) throws ScenarioException {
    return parse(TomlGuard.read(file), file.toString());
  }

  /** Parses and validates scenario text; {@code source} names it in messages. */
  public static Scenario parse(String text, String source) throws ScenarioException {
    return new ScenarioReader(source, CHUNKED_FROM).parse(text);
  }

  /** {@link #parse(String, String)}, crate by crate from {@code chunkedFrom} characters (tests). */
  static Scenario parse(String text, String source, int chunkedFrom) throws ScenarioException {
    return new ScenarioReader(source, chunkedFrom).parse(text);
  }

  private Scenario parse(String text) throws ScenarioException {
    String head = text.stripLeading();
    if (head.startsWith("{") || head.startsWith("<")) {
      throw new ScenarioException(
          source,
          0,
          "not a scenario but JSON or HTML: a cargo --timings page? Give it a .html or .json"
              + " name to import it on the fly, or use cratesim import / cratesim predict");
    }
    TomlGuard.check(text, source);
    int[] chunks = text.length() < chunkedFrom ? null : TomlGuard.crateChunks(text);
    TomlParseResult toml = toml(chunks == null ? text : text.substring(0, chunks[0]), 0);
    if (chunks != null && toml.contains(List.of("crate"))) {
      chunks = null;
      toml = toml(text, 0);
    }
    if (toml.contains(List.of("scenario")) && !toml.contains(List.of("crate"))) {
      throw error(
          toml,
          "scenario",
          "a sweep file, not a scenario: run it with cratesim sweep " + source + " -o DIR");
    }
    checkKeys(toml, Schema.SCENARIO, "");
    String name = optString(toml, "name", defaultName());

    TomlTable build = optTable(toml, "build");
    if (build == null) {
      throw new ScenarioException(source, 0, "missing [build] table (it needs at least jobs)");
    }
    Table b = Schema.BUILD;
    checkKeys(build, b, "build.");
    if (!build.contains(List.of("jobs"))) {
      throw error(build, null, "[build] needs jobs (cargo -j)");
    }
    int jobs = positiveInt(build, b.key("jobs"));
    Mode mode = parseEnum(build, b.key("mode"), Mode::parse);
    double startup = number(build, b.key("startup_s"));
    SchedulingPolicy policy = parseEnum(build, b.key("scheduling"), SchedulingPolicy::parse);
    CargoVersion cargo = CargoVersion.DEFAULT;
    if (build.contains(List.of("cargo_version"))) {
      Object v = build.get(List.of("cargo_version"));
      if (!(v instanceof String)) {
        throw error(build, "cargo_version", "cargo_version must be a string such as \"1.60\"");
      }
      try {
        cargo = CargoVersion.parse((String) v);
      } catch (IllegalArgumentException e) {
        throw error(build, "cargo_version", e.getMessage());
      }
    }
    Optional<PendingQueue> pending = Optional.empty();
    if (build.contains(List.of("pending_queue"))) {
      String q = optString(build, "pending_queue", null);
      try {
        pending = Optional.of(PendingQueue.parse(q));
      } catch (IllegalArgumentException e) {
        throw error(build, "pending_queue", e.getMessage());
      }
    }
    BuildSettings settings =
        new BuildSettings(jobs, mode, startup, policy, cargo, pending, Map.of());

    MachineSettings machine = MachineSettings.NONE;
    TomlTable m = optTable(toml, "machine");
    if (m != null) {
      Table ms = Schema.MACHINE;
      checkKeys(m, ms, "machine.");
      machine =
          new MachineSettings(
              number(m, ms.key("contention_frontend")),
              number(m, ms.key("contention_codegen")),
              number(m, ms.key("contention_other")),
              number(m, ms.key("speed_frontend")),
              number(m, ms.key("speed_codegen")),
              number(m, ms.key("speed_other")));
    }
    RustcSettings rustc = RustcSettings.DEFAULT;
    TomlTable r = optTable(toml, "rustc");
    if (r != null) {
      Table rs = Schema.RUSTC;
      checkKeys(r, rs, "rustc.");
      double share = number(r, rs.key("codegen_serial_share"));
      double ratio = number(r, rs.key("cgu_size_ratio"));
      double lto = number(r, rs.key("thin_local_lto_share"));
      rustc = new RustcSettings(share, number(r, rs.key("codegen_fixed_s")), ratio, lto);
    }

    Rebuild rebuild = rebuild(build, optTable(toml, "incremental"));
    ProfileSettings profile = ProfileSettings.DEFAULT;
    TomlTable pt = optTable(toml, "profile");
    if (pt != null) {
      checkKeys(pt, Schema.PROFILE, "profile.");
      profile = profile(pt);
    }
    CostRates costs = CostRates.shipped();
    TomlTable ct = optTable(toml, "costs");
    if (ct != null) {
      checkKeys(ct, Schema.COSTS, "costs.");
      for (String k : ct.keySet()) {
        costs = costs.with(k, number(ct, Schema.COSTS.key(k)));
      }
    }

    List<CrateSpec> crates = chunks == null ? crates(toml) : crates(text, chunks);
    List<StrategyDecl> strategies = strategies(toml);
    Scenario sc =
        new Scenario(
            name, source, settings, machine, rustc, profile, costs, rebuild, strategies, crates);
    ScenarioValidator.validate(sc);
    return sc;
  }

  /**
   * From this size on, a file whose {@code [[crate]]} tables come last is parsed one crate at a
   * time: the TOML parser's tree of a whole 100,000-crate file does not fit in a 1 GiB heap, one
   * crate's does, and each crate is kept only as its {@link CrateSpec}.
   */
  static final int CHUNKED_FROM = 1 << 20;

  /** Parses TOML text whose first line is line {@code firstLine + 1} of the file. */
  private TomlParseResult toml(String text, int firstLine) throws ScenarioException {
    TomlParseResult toml = TomlGuard.parse(text, source);
    if (toml.hasErrors()) {
      TomlParseError e = toml.errors().get(0);
      throw new ScenarioException(
          source, firstLine + e.position().line(), "TOML syntax: " + e.getMessage());
    }
    return toml;
  }

  /** Line offset of the crate being read in chunks (0 when the file is parsed whole). */
  private int lineOffset;

  /** The crates of a file parsed in chunks: {@code chunks} are the offsets of each [[crate]]. */
  private List<CrateSpec> crates(String text, int[] chunks) throws ScenarioException {
    List<CrateSpec> crates = new ArrayList<>(chunks.length);
    Map<String, Integer> lines = new HashMap<>();
    int line = 0;
    int counted = 0;
    for (int k = 0; k < chunks.length; k++) {
      for (int i = counted; i < chunks[k]; i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      counted = chunks[k];
      int end = k + 1 < chunks.length ? chunks[k + 1] : text.length();
      TomlParseResult t = toml(text.substring(chunks[k], end), line);
      lineOffset = line;
      Object o = t.get(List.of("crate"));
      if (!(o instanceof TomlArray arr) || arr.size() != 1 || !(arr.get(0) instanceof TomlTable)) {
        throw new ScenarioException(
            source, line + 1, "crate must be an array of tables: write [[crate]]");
      }
      if (t.keySet().size() != 1) {
        throw new ScenarioException(
            source, line + 1, "only [[crate]] tables may follow the first [[crate]]");
      }
      TomlTable ct = arr.getTable(0);
      CrateSpec c = crate(ct, line + 1);
      Integer prev = lines.putIfAbsent(c.name(), line + 1);
      if (prev != null) {
        throw error(
            ct, "name", "duplicate crate '" + c.name() + "' (first declared at line " + prev + ")");
      }
      crates.add(c);
      lineOffset = 0;
    }
    return crates;
  }

  /** The crates of a file parsed whole. */
  private List<CrateSpec> crates(TomlTable toml) throws ScenarioException {
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
        throw error(
            t, "name", "duplicate crate '" + c.name() + "' (first declared at line " + prev + ")");
      }
      crates.add(c);
    }
    return crates;
  }

  private String defaultName() {
    String base =
        Path.of(source).getFileName() == null ? source : Path.of(source).getFileName().toString();
    return base.endsWith(".toml") ? base.substring(0, base.length() - 5) : base;
  }

  private CrateSpec crate(TomlTable t, int line) throws ScenarioException {
    Table c = Schema.CRATE;
    checkKeys(t, c, "crate.");
    if (!t.contains(List.of("name"))) {
      throw new ScenarioException(source, line, "[[crate]] needs a name");
    }
    String name = string(t, "name");
    if (name.isBlank()) {
      throw error(t, "name", "crate name must not be empty");
    }
    if (name.length() > Schema.MAX_NAME) {
      throw error(
          t, "name", "crate name of " + name.length() + " characters: at most " + Schema.MAX_NAME);
    }
    String version = optString(t, "version", c.key("version").string());
    CrateKind kind = parseEnum(t, c.key("kind"), CrateKind::parse);
    List<String> deps = stringList(t, "deps");
    boolean bySize = t.contains(List.of("loc"));
    Optional<CrateSize> size = Optional.empty();
    Phases phases;
    if (bySize) {
      for (String k : List.of("frontend_s", "codegen_s", "link_s")) {
        if (t.contains(List.of(k))) {
          throw error(
              t,
              k,
              "crate '"
                  + name
                  + "' is described by its size (loc): give either "
                  + "loc and sizes or frontend_s and seconds, not both");
        }
      }
      long own = t.contains(List.of("own_instantiations")) ? count(t, "own_instantiations") : -1;
      size =
          Optional.of(
              new CrateSize(
                  count(t, "loc"),
                  counts(t, "macro_invocations"),
                  own,
                  counts(t, "upstream_instantiations")));
      phases = new Phases(0, 0, optPositiveInt(t, c.key("codegen_units")), 0);
    } else {
      for (String k :
          List.of("macro_invocations", "own_instantiations", "upstream_instantiations")) {
        if (t.contains(List.of(k))) {
          throw error(t, k, k + " describes a crate by its size: give loc as well");
        }
      }
      if (!t.contains(List.of("frontend_s"))) {
        throw new ScenarioException(
            source, line, "crate '" + name + "' needs frontend_s (seconds) or loc (lines of code)");
      }
      phases =
          new Phases(
              number(t, c.key("frontend_s")),
              number(t, c.key("codegen_s")),
              optPositiveInt(t, c.key("codegen_units")),
              number(t, c.key("link_s")));
    }
    Optional<BuildScriptSpec> script = Optional.empty();
    Object bs = t.get(List.of("build_script"));
    if (bs != null) {
      if (!(bs instanceof TomlTable)) {
        throw error(
            t,
            "build_script",
            "build_script must be a table, e.g. " + "{ compile_s = 0.5, run_s = 0.1 }");
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
          throw error(
              t, "built_for", "built_for holds \"host\" and/or \"target\", not \"" + side + "\"");
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
        throw new ScenarioException(
            source,
            line,
            "[[strategy]] needs a name (one of " + String.join(", ", Strategies.names()) + ")");
      }
      String name = string(t, "name");
      boolean enabled = (Boolean) Schema.STRATEGY.key("enabled").value();
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
        } else if (v instanceof TomlTable) {
          throw error(t, k, "strategy parameter " + k + " must be a number, a string or an array");
        } else if (v instanceof TomlArray) {
          List<Object> list = new ArrayList<>();
          TomlArray a = (TomlArray) v;
          for (int j = 0; j < a.size(); j++) {
            if (a.get(j) instanceof TomlTable || a.get(j) instanceof TomlArray) {
              throw error(t, k, "strategy parameter " + k + " must hold strings or numbers");
            }
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
    Rebuild.Kind kind = parseEnum(build, Schema.BUILD.key("kind"), Rebuild.Kind::parse);
    List<String> edits = stringList(build, "edits");
    List<String> workspace = stringList(build, "workspace");
    if (kind == Rebuild.Kind.INCREMENTAL && edits.isEmpty()) {
      throw error(build, "kind", "an incremental build needs edits = [\"crate\", ...]");
    }
    Optional<Boolean> enabled = Optional.empty();
    double[] v = d.values();
    if (inc != null) {
      checkKeys(inc, Schema.INCREMENTAL, "incremental.");
      Object e = inc.get(List.of("enabled"));
      if (e != null) {
        if (!(e instanceof Boolean)) {
          throw error(inc, "enabled", "enabled must be true or false");
        }
        enabled = Optional.of((Boolean) e);
      }
      List<Key> keys = Schema.rebuildValues();
      for (int i = 0; i < keys.size(); i++) {
        v[i] = number(inc, keys.get(i));
      }
    }
    try {
      d = d.withEdits(edits);
    } catch (IllegalArgumentException e) {
      throw error(build, "edits", "edits: " + e.getMessage());
    }
    return d.withKind(kind).withWorkspace(workspace).withIncremental(enabled).withValues(v);
  }

  private ProfileSettings profile(TomlTable t) throws ScenarioException {
    Table p = Schema.PROFILE;
    Optional<String> opt = Optional.empty();
    Object o = t.get(List.of("opt_level"));
    if (o != null) {
      String v = o instanceof Long ? String.valueOf(o) : o instanceof String ? (String) o : null;
      if (v == null || !p.key("opt_level").values().contains(v)) {
        throw error(t, "opt_level", "opt_level must be " + choices(p.key("opt_level")));
      }
      opt = Optional.of(v);
    }
    Optional<Integer> cgus =
        t.contains(List.of("codegen_units"))
            ? Optional.of(positiveInt(t, p.key("codegen_units")))
            : Optional.empty();
    Optional<Lto> lto =
        t.contains(List.of("lto"))
            ? Optional.of(parseEnum(t, p.key("lto"), Lto::parse))
            : Optional.empty();
    Optional<Boolean> share = Optional.empty();
    Object sg = t.get(List.of("share_generics"));
    if (sg != null) {
      if (!(sg instanceof Boolean)) {
        throw error(t, "share_generics", "share_generics must be true or false");
      }
      share = Optional.of((Boolean) sg);
    }
    Optional<Linker> linker = Optional.empty();
    if (t.contains(List.of("linker"))) {
      try {
        linker = Optional.of(Linker.parse(string(t, "linker")));
      } catch (IllegalArgumentException e) {
        throw error(t, "linker", e.getMessage());
      }
    }
    Key ft = p.key("frontend_threads");
    int threads = t.contains(List.of(ft.name())) ? positiveInt(t, ft) : (int) ft.number();
    Optional<Integer> debuginfo = Optional.empty();
    Object d = t.get(List.of("debuginfo"));
    if (d != null) {
      // boxed on every branch: an int in one would unbox the null of "none of these"
      Integer level =
          d instanceof Long && (Long) d >= 0 && (Long) d <= 2
              ? Integer.valueOf((int) (long) (Long) d)
              : "none".equals(d)
                  ? Integer.valueOf(0)
                  : "line-tables-only".equals(d)
                      ? Integer.valueOf(1)
                      : "full".equals(d) ? Integer.valueOf(2) : null;
      if (level == null) {
        throw error(t, "debuginfo", "debuginfo must be " + choices(p.key("debuginfo")));
      }
      debuginfo = Optional.of(level);
    }
    BuildOverrideSettings host = buildOverride(t);
    Object hd = t.get(List.of("build_override_debug"));
    if (hd != null) {
      // the key of older scenarios: [profile.build-override] debug
      if (!(hd instanceof Long) || (Long) hd < 0 || (Long) hd > 2) {
        throw error(t, "build_override_debug", "build_override_debug must be 0, 1 or 2");
      }
      int level = (int) (long) (Long) hd;
      if (host.debug().isPresent() && host.debug().get() != level) {
        throw error(
            t,
            "build_override_debug",
            "build_override_debug and [profile.build-override] debug disagree: give one");
      }
      host = host.withDebug(Optional.of(level));
    }
    return new ProfileSettings(opt, cgus, lto, share, linker, threads, debuginfo, host);
  }

  /**
   * {@code [profile.build-override]}: cargo's keys and spellings (opt-level 0..3 or "0".."3", "s",
   * "z"; debug 0..2, true, false, "none", "limited", "line-tables-only", "full"; codegen-units).
   */
  private BuildOverrideSettings buildOverride(TomlTable profile) throws ScenarioException {
    Object o = profile.get(List.of("build-override"));
    if (o == null) {
      return BuildOverrideSettings.NONE;
    }
    if (!(o instanceof TomlTable)) {
      throw error(
          profile,
          "build-override",
          "build-override must be a table: write [profile.build-override]");
    }
    TomlTable t = (TomlTable) o;
    Table b = Schema.BUILD_OVERRIDE;
    checkKeys(t, b, "profile.build-override.");
    BuildOverrideSettings out = BuildOverrideSettings.NONE;
    Object opt = t.get(List.of("opt-level"));
    if (opt != null) {
      Optional<String> v =
          opt instanceof Double ? Optional.empty() : BuildOverrideSettings.optLevelOf(opt);
      if (v.isEmpty()) {
        throw error(
            t, "opt-level", "build-override opt-level must be " + choices(b.key("opt-level")));
      }
      out = out.withOptLevel(v);
    }
    Object debug = t.get(List.of("debug"));
    if (debug != null) {
      Optional<Integer> v =
          debug instanceof Double ? Optional.empty() : BuildOverrideSettings.debugLevel(debug);
      if (v.isEmpty()) {
        throw error(
            t,
            "debug",
            "build-override debug must be 0, 1, 2, true, false, \"none\", \"limited\", "
                + "\"line-tables-only\" or \"full\"");
      }
      out = out.withDebug(v);
    }
    if (t.contains(List.of("codegen-units"))) {
      out = out.withCodegenUnits(Optional.of(positiveInt(t, b.key("codegen-units"))));
    }
    return out;
  }

  private long count(TomlTable t, String key) throws ScenarioException {
    Object v = t.get(List.of(key));
    if (v == null) {
      return 0;
    }
    if (!(v instanceof Long) || (Long) v < 0) {
      throw error(t, key, key + " must be a whole number >= 0, was " + describe(v));
    }
    long max = key.equals("loc") ? Schema.MAX_LOC : Schema.MAX_COUNT;
    if ((Long) v > max) {
      throw error(t, key, key + " must be at most " + max + ", was " + v);
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
      if (!(x instanceof Long) || (Long) x < 0 || (Long) x > Schema.MAX_COUNT) {
        throw error(
            t, key, key + "." + k + " must be a whole number from 0 to " + Schema.MAX_COUNT);
      }
      out.put(k, (Long) x);
    }
    return out;
  }

  private BuildScriptSpec buildScript(TomlTable bs, TomlTable parent, String crate)
      throws ScenarioException {
    Table s = Schema.BUILD_SCRIPT;
    for (String k : bs.keySet()) {
      if (!s.has(k)) {
        throw error(
            parent,
            "build_script",
            "unknown key build_script."
                + k
                + " in crate '"
                + crate
                + "' (known: "
                + String.join(", ", s.names())
                + ")");
      }
    }
    boolean lumped = bs.contains(List.of("compile_s"));
    boolean split = bs.contains(List.of("frontend_s"));
    if (lumped == split) {
      throw error(
          parent,
          "build_script",
          "build_script of '"
              + crate
              + "' needs either compile_s or frontend_s (with optional codegen_s, link_s)");
    }
    Phases compile =
        lumped
            ? new Phases(scriptTime(bs, parent, s.key("compile_s")), 0, 1, 0)
            : new Phases(
                scriptTime(bs, parent, s.key("frontend_s")),
                scriptTime(bs, parent, s.key("codegen_s")),
                optPositiveIntIn(bs, parent, s.key("codegen_units")),
                scriptTime(bs, parent, s.key("link_s")));
    double run = scriptTime(bs, parent, s.key("run_s"));
    double runParallel = scriptTime(bs, parent, s.key("run_parallel_share"));
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

  /** A number of a build script (errors point at the crate's build_script line). */
  private double scriptTime(TomlTable bs, TomlTable parent, Key k) throws ScenarioException {
    String key = k.name();
    Object v = bs.get(List.of(key));
    if (v == null) {
      return fallback(k);
    }
    if (!(v instanceof Number)) {
      throw error(parent, "build_script", "build_script." + key + " must be a number of seconds");
    }
    double d = ((Number) v).doubleValue();
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw error(parent, "build_script", "build_script." + key + " must be >= 0, was " + v);
    }
    Range r = k.range();
    if (!r.contains(d)) {
      throw error(
          parent,
          "build_script",
          "build_script."
              + key
              + " must be between "
              + Range.bound(r.min())
              + " and "
              + Range.bound(r.max()));
    }
    return d;
  }

  private int optPositiveIntIn(TomlTable bs, TomlTable parent, Key k) throws ScenarioException {
    Object v = bs.get(List.of(k.name()));
    if (v == null) {
      return 0;
    }
    if (!(v instanceof Long) || !k.range().contains((Long) v)) {
      throw error(
          parent, "build_script", "build_script." + k.name() + " must be a whole number >= 1");
    }
    return (int) (long) (Long) v;
  }

  // ---- typed accessors, each failing with file:line ----

  private void checkKeys(TomlTable t, Table known, String prefix) throws ScenarioException {
    for (String k : t.keySet()) {
      if (!known.has(k)) {
        throw error(
            t,
            k,
            "unknown key '"
                + prefix
                + k
                + "' (known: "
                + String.join(", ", known.names().stream().sorted().toList())
                + ")");
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

  /** A choice's value, parsed by the model; its message lists the choices. */
  private <T> T parseEnum(TomlTable t, Key k, Parser<T> parser) throws ScenarioException {
    String s = optString(t, k.name(), k.string());
    try {
      return parser.parse(s);
    } catch (IllegalArgumentException e) {
      throw error(t, k.name(), e.getMessage());
    }
  }

  /** The values of a choice for a message: {@code 0, 1, "s" or "z"}. */
  private static String choices(Key k) {
    List<String> vs =
        k.values().stream().map(v -> v.matches("[0-9]+") ? v : "\"" + v + "\"").toList();
    return String.join(", ", vs.subList(0, vs.size() - 1)) + " or " + vs.get(vs.size() - 1);
  }

  /**
   * A whole number between 1 and {@link Schema#MAX_WHOLE}, then within the key's range (only
   * frontend_threads has a smaller one).
   */
  private int positiveInt(TomlTable t, Key k) throws ScenarioException {
    String key = k.name();
    Object v = t.get(List.of(key));
    if (!(v instanceof Long)) {
      throw error(t, key, key + " must be a whole number, was " + describe(v));
    }
    long l = (Long) v;
    if (l < 1 || l > Schema.MAX_WHOLE) {
      throw error(t, key, key + " must be between 1 and " + Schema.MAX_WHOLE + ", was " + l);
    }
    if (!k.range().contains(l)) {
      throw error(t, key, key + " must be at most " + Range.bound(k.range().max()));
    }
    return (int) l;
  }

  /** An optional whole number; 0 when absent (the model's "derive it"). */
  private int optPositiveInt(TomlTable t, Key k) throws ScenarioException {
    return t.contains(List.of(k.name())) ? positiveInt(t, k) : 0;
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

  /** A number of the schema: its default when absent, then checked against its range. */
  private double number(TomlTable t, Key k) throws ScenarioException {
    String key = k.name();
    double d = number(t, key, fallback(k));
    Range r = k.range();
    if (r.contains(d)) {
      return d;
    }
    if (r.equals(Range.NON_NEGATIVE)
        || k.type() == Schema.Type.SHARE && d < 0
        || r.min() == 0 && !r.minOpen() && r.max() > 1 && d < 0) {
      throw error(t, key, key + " must not be negative, was " + d);
    }
    if (k.type() == Schema.Type.SHARE) {
      throw error(t, key, key + " is a share: between 0 and 1");
    }
    if (r.unboundedAbove()) {
      throw error(
          t,
          key,
          key + " must be " + (r.minOpen() ? "> " : ">= ") + Range.bound(r.min()) + ", was " + d);
    }
    throw error(
        t,
        key,
        key
            + " must be "
            + (r.minOpen() || r.maxOpen()
                ? "in " + r
                : "between " + Range.bound(r.min()) + " and " + Range.bound(r.max())));
  }

  /** A number key's default; 0 for one without a fixed default (read only when given). */
  private static double fallback(Key k) {
    return k.dflt() instanceof Schema.Default.Value ? k.number() : 0;
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
      line = p == null ? 0 : lineOffset + p.line();
    }
    return new ScenarioException(source, line, message);
  }

  private static String describe(Object v) {
    if (v == null) {
      return "missing";
    }
    if (v instanceof String s) {
      return "the string \"" + (s.length() <= 60 ? s : s.substring(0, 60) + "…") + "\"";
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
