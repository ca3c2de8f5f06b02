package org.cratesim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cratesim.model.CargoVersion;
import org.cratesim.model.CostRates;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.ProfileSettings;
import org.cratesim.model.Rebuild;
import org.cratesim.model.RustcSettings;

/**
 * The scenario file's schema, as data: one {@link Table} per settings group, each {@link Key} with
 * its type, default, allowed range or values and one line of documentation. {@link ScenarioReader}
 * checks keys, types and ranges against it, {@link ScenarioOverrides} takes its {@code --set} keys
 * from it, {@link ScenarioWriter} writes keys in its order, and a test checks {@code
 * scenarios/reference.toml} against it. Defaults that the model records own ({@link
 * MachineSettings#NONE}, {@link RustcSettings#DEFAULT}, {@link Rebuild#CLEAN}, the shipped {@link
 * CostRates}) are read from them, so each is declared once.
 */
public final class Schema {
  private Schema() {}

  /** The TOML type of a value. */
  public enum Type {
    /** A string. */
    STRING,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A whole number. */
    INTEGER,
    /** A finite number (integer or float). */
    NUMBER,
    /** A number between 0 and 1: the share of some work. */
    SHARE,
    /** One of {@link Key#values()}. */
    CHOICE,
    /** An array of crate names (strings; repeats dropped). */
    NAMES,
    /** A table of whole numbers >= 0 by crate name, e.g. {@code { serde_derive = 150 }}. */
    COUNTS,
    /** A table (an inline table in a crate, or a {@code [table]} of the file). */
    TABLE,
    /** An array of tables ({@code [[crate]]}, {@code [[strategy]]}). */
    TABLES
  }

  /** What a key is when it is absent. */
  public sealed interface Default {
    /** The key must be given. */
    record Required() implements Default {}

    /** A fixed value: a String, Boolean, Long, Double or List of strings, as TOML reads it. */
    record Value(Object value) implements Default {
      public Value {
        Objects.requireNonNull(value);
      }
    }

    /** Derived from other settings (the mode, the graph, ...), as {@code text} says. */
    record Derived(String text) implements Default {}
  }

  /** An interval of allowed numbers; infinite bounds are open. */
  public record Range(double min, boolean minOpen, double max, boolean maxOpen) {
    public static final Range ANY =
        new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    public static final Range NON_NEGATIVE = new Range(0, false, Double.POSITIVE_INFINITY, true);
    public static final Range POSITIVE = new Range(0, true, Double.POSITIVE_INFINITY, true);
    public static final Range UNIT = new Range(0, false, 1, false);

    /** Numbers from 0 to {@code max}, both included. */
    public static Range upTo(double max) {
      return new Range(0, false, max, false);
    }

    /** Whole numbers from 1 to {@code max}. */
    public static Range oneTo(double max) {
      return new Range(1, false, max, false);
    }

    public boolean contains(double v) {
      return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
    }

    /** True when the range has no upper bound. */
    public boolean unboundedAbove() {
      return max == Double.POSITIVE_INFINITY;
    }

    /** Interval notation: {@code [0, 1)}, {@code (0, inf)}. */
    @Override
    public String toString() {
      return (minOpen ? "(" : "[") + bound(min) + ", " + bound(max) + (maxOpen ? ")" : "]");
    }

    static String bound(double d) {
      return Double.isInfinite(d)
          ? (d > 0 ? "inf" : "-inf")
          : d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
  }

  /**
   * One key of a table.
   *
   * @param name the TOML key
   * @param type its TOML type
   * @param dflt what it is when absent
   * @param range allowed numbers ({@link Range#ANY} for non-numbers)
   * @param values for {@link Type#CHOICE} (and {@link Type#NAMES} of fixed words): the allowed
   *     values as written, aliases left out; empty otherwise
   * @param settable whether {@code --set TABLE.KEY=VALUE} can change it
   * @param doc one line of documentation
   */
  public record Key(
      String name,
      Type type,
      Default dflt,
      Range range,
      List<String> values,
      boolean settable,
      String doc) {
    public Key {
      Objects.requireNonNull(name);
      Objects.requireNonNull(type);
      Objects.requireNonNull(dflt);
      Objects.requireNonNull(range);
      values = List.copyOf(values);
      Objects.requireNonNull(doc);
    }

    /** The default value; an IllegalStateException for a required or derived key. */
    public Object value() {
      if (dflt instanceof Default.Value v) {
        return v.value();
      }
      throw new IllegalStateException(name + " has no fixed default");
    }

    /** The default as a number. */
    public double number() {
      return ((Number) value()).doubleValue();
    }

    /** The default as a string. */
    public String string() {
      return (String) value();
    }

    /** True when {@code v} is this key's fixed default. */
    public boolean isDefault(Object v) {
      return dflt instanceof Default.Value d && d.value().equals(v);
    }
  }

  /**
   * A settings group: a {@code [table]}, an array of tables, or an inline table.
   *
   * @param name the table's name as written in the file
   * @param doc one line of documentation
   * @param open true when keys other than {@link #keys()} are allowed (a strategy's parameters,
   *     which the strategy checks)
   * @param keys the keys in the order {@link ScenarioWriter} writes them
   */
  public record Table(String name, String doc, boolean open, List<Key> keys) {
    public Table {
      keys = List.copyOf(keys);
      Map<String, Key> seen = new LinkedHashMap<>();
      for (Key k : keys) {
        if (seen.put(k.name(), k) != null) {
          throw new IllegalArgumentException("duplicate key " + name + "." + k.name());
        }
      }
    }

    /** The key called {@code name}; an IllegalArgumentException when there is none. */
    public Key key(String name) {
      for (Key k : keys) {
        if (k.name().equals(name)) {
          return k;
        }
      }
      throw new IllegalArgumentException("no key " + this.name + "." + name + " in the schema");
    }

    public boolean has(String name) {
      return keys.stream().anyMatch(k -> k.name().equals(name));
    }

    /** The key names in order. */
    public List<String> names() {
      return keys.stream().map(Key::name).toList();
    }

    /** The names of the keys {@code --set} can change, in order. */
    public List<String> settable() {
      return keys.stream().filter(Key::settable).map(Key::name).toList();
    }
  }

  // ---- building blocks ----

  private static final Default REQUIRED = new Default.Required();

  /** The largest whole number a count key (jobs, codegen_units) takes. */
  public static final int MAX_WHOLE = 100_000;

  // ---- limits: every number a scenario carries is bounded so that the engine's nanosecond clock
  // (a long: 9.2e9 s) and every cost derived from the numbers stay far from overflow ----

  /** The longest single duration, in seconds (about 116 days). */
  public static final double MAX_SECONDS = 1e7;

  /** The most simulated seconds a build may take: total work at the slowest speed and load. */
  public static final double MAX_BUILD_SECONDS = 1e8;

  /** The largest contention coefficient. */
  public static final double MAX_CONTENTION = 100;

  /** Machine speeds relative to the measured machine: from 1e-6 to 1e9. */
  public static final Range SPEED = new Range(1e-6, false, 1e9, false);

  /** The largest size-model rate ({@code [costs]}). */
  public static final double MAX_RATE = 1e6;

  /** The most lines of code of one crate. */
  public static final long MAX_LOC = 1_000_000_000L;

  /** The largest count of a crate's size (instantiations, macro invocations). */
  public static final long MAX_COUNT = 1_000_000_000_000L;

  /** The longest crate name, in characters. */
  public static final int MAX_NAME = 256;

  /** The longest string value, in characters (64 KiB). */
  public static final int MAX_STRING = 65_536;

  /** The deepest nesting of arrays and inline tables a file may have. */
  public static final int MAX_DEPTH = 32;

  /** The largest file read, in bytes (64 MiB: a 100,000-unit scenario is about 10 MB). */
  public static final long MAX_FILE_BYTES = 64L << 20;

  private static Default dflt(Object v) {
    return new Default.Value(v);
  }

  private static Default derived(String text) {
    return new Default.Derived(text);
  }

  private static Key key(String name, Type type, Default d, String doc) {
    return new Key(name, type, d, Range.ANY, List.of(), true, doc);
  }

  private static Key number(String name, Default d, Range r, String doc) {
    return new Key(name, Type.NUMBER, d, r, List.of(), true, doc);
  }

  /** A duration in seconds: from 0 to {@link #MAX_SECONDS}. */
  private static Key nonNegative(String name, Default d, String doc) {
    return number(name, d, Range.upTo(MAX_SECONDS), doc);
  }

  private static Key share(String name, double d, String doc) {
    return new Key(name, Type.SHARE, dflt(d), Range.UNIT, List.of(), true, doc);
  }

  private static Key positive(String name, Default d, double max, String doc) {
    return new Key(name, Type.INTEGER, d, Range.oneTo(max), List.of(), true, doc);
  }

  private static Key whole(String name, Default d, double max, String doc) {
    return new Key(name, Type.INTEGER, d, Range.upTo(max), List.of(), true, doc);
  }

  private static Key choice(String name, Default d, List<String> values, String doc) {
    return new Key(name, Type.CHOICE, d, Range.ANY, values, true, doc);
  }

  /** The same key, not changeable by {@code --set}. */
  private static Key fileOnly(Key k) {
    return new Key(k.name(), k.type(), k.dflt(), k.range(), k.values(), false, k.doc());
  }

  private static Key section(String name, Type type, String doc) {
    return new Key(name, type, derived("absent"), Range.ANY, List.of(), false, doc);
  }

  private static Key requiredSection(String name, Type type, String doc) {
    return new Key(name, type, REQUIRED, Range.ANY, List.of(), false, doc);
  }

  // ---- the tables ----

  /** {@code [build]}: how cargo is invoked. */
  public static final Table BUILD =
      new Table(
          "build",
          "how cargo is invoked (required)",
          false,
          List.of(
              positive(
                  "jobs",
                  REQUIRED,
                  MAX_WHOLE,
                  "cargo -j: jobserver tokens, cargo's implicit one " + "included"),
              choice(
                  "mode",
                  dflt("debug"),
                  List.of("check", "debug", "release"),
                  "the cargo command: cargo check, cargo build, cargo build --release"),
              nonNegative("startup_s", dflt(0.0), "cargo's time before the first unit starts"),
              choice(
                  "scheduling",
                  dflt("cargo"),
                  List.of("cargo", "duration", "proc-macros-first"),
                  "how cargo's DependencyQueue ranks ready units"),
              key(
                  "cargo_version",
                  Type.STRING,
                  dflt(CargoVersion.DEFAULT.toString()),
                  "the cargo release whose rules apply (an imported page's own)"),
              choice(
                  "pending_queue",
                  derived("oldest-first before cargo 1.65, priority from 1.65"),
                  List.of("oldest-first", "priority"),
                  "which ready unit cargo starts first"),
              fileOnly(
                  choice(
                      "kind",
                      dflt("clean"),
                      List.of("clean", "warm", "incremental", "noop"),
                      "what is already built when the build starts")),
              fileOnly(
                  key(
                      "edits",
                      Type.NAMES,
                      dflt(List.of()),
                      "crates edited before an incremental build, CRATE or CRATE:comment|body|signature")),
              fileOnly(
                  key(
                      "workspace",
                      Type.NAMES,
                      derived("the crates nothing depends on"),
                      "the workspace (path) members"))));

  /**
   * {@code [incremental]}: what an edit costs; after {@code enabled}, the numeric keys in the order
   * of {@link Rebuild#values()}.
   */
  public static final Table INCREMENTAL = incremental();

  private static Table incremental() {
    double[] v = Rebuild.CLEAN.values();
    return new Table(
        "incremental",
        "what an edit costs (rustc's incremental compilation)",
        false,
        List.of(
            key(
                "enabled",
                Type.BOOLEAN,
                derived("on in check and debug, off in release"),
                "rustc's incremental compilation for workspace members"),
            share(
                "items_share",
                v[0],
                "share of an edited crate's front end (after expansion) " + "redone"),
            share("check_items_share", v[1], "the same in check builds"),
            share("cgu_share", v[2], "share of an edited crate's CGUs re-generated"),
            share(
                "dependent_items_share",
                v[3],
                "the same as items_share for a crate rebuilt " + "because a dependency changed"),
            share(
                "dependent_cgu_share",
                v[4],
                "the same as cgu_share for a crate rebuilt " + "because a dependency changed"),
            share(
                "expansion_share",
                v[5],
                "crates given in seconds that use proc macros: the "
                    + "share of the front end that is macro expansion (always redone)"),
            share("plain_expansion_share", v[6], "the same for crates that use no proc macro"),
            nonNegative(
                "overhead_s",
                dflt(v[7]),
                "per crate rebuilt incrementally (dependency " + "graph, query cache)"),
            share(
                "body_cgu_share",
                v[8],
                "body and signature edits: further share of the edited crate's CGUs re-generated"),
            share(
                "signature_share",
                v[9],
                "signature edits: further share of the front end redone by the edited crate and"
                    + " its direct dependents"),
            share(
                "bin_frontend_share",
                v[10],
                "a bin given in seconds rebuilt incrementally: its front end is at most this"
                    + " share of its compile time"),
            nonNegative(
                "bin_link_s",
                dflt(v[11]),
                "a bin given in seconds without link_s: the part of its codegen that is the link,"
                    + " redone in full"),
            share(
                "lib_bin_frontend_share",
                v[12],
                "the same as bin_frontend_share for a bin that depends on a workspace lib")));
  }

  /** The numeric keys of {@code [incremental]}, in the order of {@link Rebuild#values()}. */
  public static List<Key> rebuildValues() {
    return INCREMENTAL.keys().subList(1, INCREMENTAL.keys().size());
  }

  /** {@code [machine]}: how the machine slows down under load. */
  public static final Table MACHINE = machine();

  private static Table machine() {
    MachineSettings m = MachineSettings.NONE;
    return new Table(
        "machine",
        "how the machine slows down under load",
        false,
        List.of(
            number(
                "contention_frontend",
                dflt(m.contentionFrontend()),
                Range.upTo(MAX_CONTENTION),
                "c: a busy front-end "
                    + "thread runs at 1 / (1 + c * (busy_threads - 1)) of full speed"),
            number(
                "contention_codegen",
                dflt(m.contentionCodegen()),
                Range.upTo(MAX_CONTENTION),
                "the same for codegen " + "threads"),
            number(
                "contention_other",
                dflt(m.contentionOther()),
                Range.upTo(MAX_CONTENTION),
                "the same for links and " + "build-script runs"),
            number(
                "speed_frontend",
                dflt(m.speedFrontend()),
                SPEED,
                "speed of front-end " + "work relative to the machine the costs were measured on"),
            number(
                "speed_codegen", dflt(m.speedCodegen()), SPEED, "the same for codegen " + "work"),
            number(
                "speed_other",
                dflt(m.speedOther()),
                SPEED,
                "the same for links and " + "build-script runs")));
  }

  /** {@code [rustc]}: rustc's code generation model. */
  public static final Table RUSTC = rustc();

  private static Table rustc() {
    RustcSettings r = RustcSettings.DEFAULT;
    return new Table(
        "rustc",
        "rustc's code generation model",
        false,
        List.of(
            number(
                "codegen_serial_share",
                dflt(r.codegenSerialShare()),
                Range.UNIT,
                "share of " + "codegen_s only rustc's main thread can do"),
            nonNegative(
                "codegen_fixed_s",
                dflt(r.codegenFixedS()),
                "serial codegen work at the start " + "of every unit's codegen, before any CGU"),
            number(
                "cgu_size_ratio",
                dflt(r.cguSizeRatio()),
                new Range(0, true, 1, false),
                "size " + "of each CGU relative to the previous one, largest first"),
            number(
                "thin_local_lto_share",
                dflt(r.thinLocalLtoShare()),
                new Range(0, false, 1, true),
                "release builds of units with several CGUs: the share of LLVM work in thin-local "
                    + "LTO")));
  }

  /** {@code [profile]}: cargo profile knobs. */
  public static final Table PROFILE =
      new Table(
          "profile",
          "cargo profile knobs",
          false,
          List.of(
              choice(
                  "opt_level",
                  derived("0 in check and debug, 3 in release"),
                  List.of("0", "1", "2", "3", "s", "z"),
                  "rustc's opt-level"),
              positive(
                  "codegen_units",
                  derived("each crate's own or the mode's"),
                  MAX_WHOLE,
                  "every crate's CGUs"),
              choice(
                  "lto",
                  dflt("thin-local"),
                  List.of("off", "thin-local", "thin", "fat"),
                  "cargo's lto (thin-local is cargo's lto = false)"),
              key(
                  "share_generics",
                  Type.BOOLEAN,
                  derived("on for opt-level 0, 1, s, z; off for 2, 3"),
                  "-Z share-generics"),
              choice(
                  "linker",
                  derived(
                      "ld for crates described by size; for crates given in seconds the one"
                          + " their rustc used: rust-lld from 1.90, GNU ld before"),
                  List.of("ld", "lld", "mold"),
                  "the linker"),
              positive(
                  "frontend_threads",
                  dflt((long) ProfileSettings.DEFAULT.frontendThreads()),
                  256,
                  "-Z threads=N, the parallel front end"),
              choice(
                  "debuginfo",
                  derived("2 in debug, 0 in release"),
                  List.of("0", "1", "2", "none", "line-tables-only", "full"),
                  "cargo's debug setting"),
              choice(
                  "build_override_debug",
                  derived("0 in release and from cargo 1.69, the profile's debuginfo before"),
                  List.of("0", "1", "2"),
                  "the same as [profile.build-override] debug (kept for older scenarios)"),
              section(
                  "build-override",
                  Type.TABLE,
                  "cargo's [profile.*.build-override]: units built for the host only")));

  /**
   * {@code [profile.build-override]}: cargo's build-override profile, with cargo's own key names,
   * for units built for the host only (build scripts, proc macros and what only they need).
   */
  public static final Table BUILD_OVERRIDE =
      new Table(
          "profile.build-override",
          "cargo's build-override: units built for the host only",
          false,
          List.of(
              choice(
                  "opt-level",
                  derived("0 in every mode (cargo 1.47)"),
                  List.of("0", "1", "2", "3", "s", "z"),
                  "their opt-level"),
              choice(
                  "debug",
                  derived("0 in release and from cargo 1.69, the profile's debuginfo before"),
                  List.of("0", "1", "2", "none", "limited", "line-tables-only", "full"),
                  "their debuginfo (also true = 2, false = 0)"),
              positive(
                  "codegen-units",
                  derived("256 for crates described by size, the measured for crates in seconds"),
                  MAX_WHOLE,
                  "their CGUs")));

  /** {@code [costs]}: the size-based cost model's rates; defaults are the shipped costs.toml. */
  public static final Table COSTS = costs();

  private static Table costs() {
    CostRates shipped = CostRates.shipped();
    List<Key> keys = new ArrayList<>();
    CostRates.KEYS.forEach(
        (k, doc) -> keys.add(number(k, dflt(shipped.get(k)), Range.upTo(MAX_RATE), doc)));
    return new Table("costs", "rates of the size-based cost model", false, keys);
  }

  /** {@code [[strategy]]}: a build strategy; its other keys are the strategy's parameters. */
  public static final Table STRATEGY =
      new Table(
          "strategy",
          "a build strategy (repeatable)",
          true,
          List.of(
              fileOnly(key("name", Type.STRING, REQUIRED, "the strategy")),
              fileOnly(
                  key(
                      "enabled",
                      Type.BOOLEAN,
                      dflt(true),
                      "false: declared with its parameters but off"))));

  /** A crate's {@code build_script = { ... }}. */
  public static final Table BUILD_SCRIPT =
      new Table(
          "build_script",
          "compiling build.rs (a host binary) and running it",
          false,
          List.of(
              fileOnly(
                  nonNegative(
                      "compile_s",
                      derived("required unless frontend_s is given"),
                      "compiling build.rs as one serial step")),
              fileOnly(
                  nonNegative(
                      "frontend_s",
                      derived("required unless compile_s is given"),
                      "compiling build.rs: its front end")),
              fileOnly(nonNegative("codegen_s", dflt(0.0), "compiling build.rs: its codegen")),
              fileOnly(
                  positive(
                      "codegen_units",
                      derived("the mode's"),
                      MAX_WHOLE,
                      "compiling build.rs: its CGUs")),
              fileOnly(nonNegative("link_s", dflt(0.0), "compiling build.rs: its link")),
              fileOnly(nonNegative("run_s", dflt(0.0), "running it")),
              fileOnly(
                  new Key(
                      "run_parallel_share",
                      Type.SHARE,
                      dflt(0.0),
                      Range.UNIT,
                      List.of(),
                      false,
                      "the share of the run that is 32 independent jobs on jobserver tokens")),
              fileOnly(
                  key(
                      "deps",
                      Type.NAMES,
                      dflt(List.of()),
                      "build-dependencies, built in full before the compile"))));

  /** {@code [[crate]]}: one crate, described in seconds or by its size. */
  public static final Table CRATE =
      new Table(
          "crate",
          "one crate (at least one)",
          false,
          List.of(
              fileOnly(key("name", Type.STRING, REQUIRED, "unique")),
              fileOnly(key("version", Type.STRING, dflt("0.1.0"), "shown in reports")),
              fileOnly(
                  choice(
                      "kind",
                      dflt("lib"),
                      List.of("lib", "proc-macro", "bin"),
                      "the crate's target kind")),
              fileOnly(key("deps", Type.NAMES, dflt(List.of()), "crates it depends on")),
              whole(
                  "loc",
                  derived("absent: the crate is given in seconds"),
                  MAX_LOC,
                  "lines of Rust code (describes the crate by its size)"),
              fileOnly(
                  key(
                      "macro_invocations",
                      Type.COUNTS,
                      derived("none"),
                      "proc-macro invocations, by macro crate")),
              whole(
                  "own_instantiations",
                  derived("lines x costs.copies_per_line"),
                  MAX_COUNT,
                  "functions it codegens from its own code"),
              fileOnly(
                  key(
                      "upstream_instantiations",
                      Type.COUNTS,
                      derived("none"),
                      "copies of upstream crates' generics made here")),
              nonNegative(
                  "frontend_s",
                  derived("required unless loc is given"),
                  "parse, expand, resolve, type- and borrow-check, up to writing .rmeta"),
              nonNegative("codegen_s", dflt(0.0), "total single-threaded codegen work"),
              positive(
                  "codegen_units",
                  derived("256 in debug and check, 16 in release"),
                  MAX_WHOLE,
                  "its CGUs"),
              nonNegative("link_s", dflt(0.0), "serial, after codegen (bins, proc macros)"),
              section("build_script", Type.TABLE, "its build script: " + BUILD_SCRIPT.doc()),
              fileOnly(
                  new Key(
                      "built_for",
                      Type.NAMES,
                      derived("from the graph"),
                      Range.ANY,
                      List.of("host", "target"),
                      false,
                      "check mode: build it in full for the host "
                          + "and/or check it for the target"))));

  /** The file's top level: its name and its tables, in the order the writer writes them. */
  public static final Table SCENARIO =
      new Table(
          "",
          "a scenario",
          false,
          List.of(
              fileOnly(
                  key(
                      "name",
                      Type.STRING,
                      derived("the file name without .toml"),
                      "the scenario's name")),
              requiredSection(BUILD.name(), Type.TABLE, BUILD.doc()),
              section(INCREMENTAL.name(), Type.TABLE, INCREMENTAL.doc()),
              section(MACHINE.name(), Type.TABLE, MACHINE.doc()),
              section(RUSTC.name(), Type.TABLE, RUSTC.doc()),
              section(PROFILE.name(), Type.TABLE, PROFILE.doc()),
              section(COSTS.name(), Type.TABLE, COSTS.doc()),
              section(STRATEGY.name(), Type.TABLES, STRATEGY.doc()),
              requiredSection(CRATE.name(), Type.TABLES, CRATE.doc())));

  private static final Map<String, Table> TABLES =
      tables(
          BUILD,
          INCREMENTAL,
          MACHINE,
          RUSTC,
          PROFILE,
          BUILD_OVERRIDE,
          COSTS,
          STRATEGY,
          CRATE,
          BUILD_SCRIPT);

  private static Map<String, Table> tables(Table... ts) {
    Map<String, Table> m = new LinkedHashMap<>();
    for (Table t : ts) {
      m.put(t.name(), t);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Every table but the top level, by name (build_script: a crate's inline table;
   * profile.build-override: a table inside [profile]).
   */
  public static Map<String, Table> tables() {
    return TABLES;
  }

  /** The table called {@code name}, if any. */
  public static Optional<Table> table(String name) {
    return Optional.ofNullable(TABLES.get(name));
  }

  /** The tables {@code --set TABLE.KEY=VALUE} can reach, in the file's order. */
  public static List<String> settableTables() {
    return TABLES.values().stream()
        .filter(t -> t.keys().stream().anyMatch(Key::settable))
        .map(Table::name)
        .toList();
  }
}
