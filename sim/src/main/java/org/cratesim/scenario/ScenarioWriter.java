package org.cratesim.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cratesim.model.BuildOverrideSettings;
import org.cratesim.model.BuildScriptSpec;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.CostRates;
import org.cratesim.model.CrateSize;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Phases;
import org.cratesim.model.ProfileSettings;
import org.cratesim.model.Rebuild;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.Scenario;
import org.cratesim.model.StrategyDecl;
import org.cratesim.scenario.Schema.Key;
import org.cratesim.scenario.Schema.Table;

/**
 * Writes a scenario as TOML that {@link ScenarioReader} reads back to an equal scenario: the {@link
 * Schema}'s tables and keys in its order. Keys at their default are left out; numbers are written
 * exactly as stored (no locale, no exponent).
 */
public final class ScenarioWriter {
  private ScenarioWriter() {}

  /** The scenario as TOML text; {@code header} lines become leading comments. */
  public static String write(Scenario sc, List<String> header) {
    StringBuilder sb = new StringBuilder();
    for (String h : header) {
      sb.append("# ").append(h.replaceAll("[\\r\\n]+", " ")).append('\n');
    }
    for (String section : Schema.SCENARIO.names()) {
      switch (section) {
        case "name" -> sb.append("name = ").append(str(sc.name())).append('\n');
        case "build" -> table(sb, Schema.BUILD, k -> build(sc, k));
        case "incremental" -> {
          Rebuild rb = sc.rebuild();
          if (rb.incremental().isPresent() || !Arrays.equals(rb.values(), Rebuild.CLEAN.values())) {
            table(sb, Schema.INCREMENTAL, k -> incremental(rb, k));
          }
        }
        case "machine" -> {
          if (!sc.machine().equals(MachineSettings.NONE)) {
            table(sb, Schema.MACHINE, k -> machine(sc.machine(), k));
          }
        }
        case "rustc" -> {
          if (!sc.rustc().equals(RustcSettings.DEFAULT)) {
            table(sb, Schema.RUSTC, k -> rustc(sc.rustc(), k));
          }
        }
        case "profile" -> {
          ProfileSettings p = sc.profile();
          if (!p.withBuildOverride(BuildOverrideSettings.NONE).equals(ProfileSettings.DEFAULT)) {
            table(sb, Schema.PROFILE, k -> profile(p, k));
          }
          if (!p.buildOverride().isEmpty()) {
            sb.append("\n[").append(Schema.BUILD_OVERRIDE.name()).append("]\n");
            keys(sb, Schema.BUILD_OVERRIDE, k -> buildOverride(p.buildOverride(), k));
          }
        }
        case "costs" -> {
          if (!sc.costs().equals(CostRates.shipped())) {
            table(
                sb,
                Schema.COSTS,
                k -> {
                  double v = sc.costs().get(k);
                  return Schema.COSTS.key(k).isDefault(v) ? null : number(v);
                });
          }
        }
        case "strategy" -> {
          for (StrategyDecl d : sc.strategies()) {
            table(sb, Schema.STRATEGY, k -> strategy(d, k));
            d.params()
                .forEach((k, v) -> sb.append(key(k)).append(" = ").append(value(v)).append('\n'));
          }
        }
        case "crate" -> {
          for (CrateSpec c : sc.crates()) {
            table(sb, Schema.CRATE, k -> crate(c, k));
          }
        }
        default -> throw new IllegalStateException("no writer for " + section);
      }
    }
    return sb.toString();
  }

  /**
   * A table's header ({@code [name]}, or {@code [[name]]} for arrays of tables) and its keys in the
   * schema's order; a key whose value is null is left out.
   */
  private static void table(StringBuilder sb, Table t, Function<String, String> value) {
    boolean array = Schema.SCENARIO.key(t.name()).type() == Schema.Type.TABLES;
    sb.append(array ? "\n[[" : "\n[").append(t.name()).append(array ? "]]\n" : "]\n");
    keys(sb, t, value);
  }

  /** A table's keys in the schema's order; a key whose value is null is left out. */
  private static void keys(StringBuilder sb, Table t, Function<String, String> value) {
    for (String k : t.names()) {
      String v = value.apply(k);
      if (v != null) {
        sb.append(k).append(" = ").append(v).append('\n');
      }
    }
  }

  /** {@code text}, or null when {@code v} is the key's default. */
  private static String unlessDefault(Table t, String k, Object v, String text) {
    return t.key(k).isDefault(v) ? null : text;
  }

  /** {@code text}, or null when {@code v} is the key's default number. */
  private static String unlessDefault(Table t, String k, double v, String text) {
    return v == t.key(k).number() ? null : text;
  }

  private static String build(Scenario sc, String k) {
    Table t = Schema.BUILD;
    BuildSettings b = sc.build();
    Rebuild rb = sc.rebuild();
    return switch (k) {
      case "jobs" -> String.valueOf(b.jobs());
      case "mode" -> str(b.mode().id());
      case "startup_s" -> number(b.startupS());
      case "scheduling" -> unlessDefault(t, k, b.scheduling().id(), str(b.scheduling().id()));
      case "cargo_version" -> unlessDefault(t, k, b.cargo().toString(), str(b.cargo().toString()));
      case "pending_queue" -> b.pendingQueue().map(q -> str(q.id())).orElse(null);
      case "kind" -> unlessDefault(t, k, rb.kind().id(), str(rb.kind().id()));
      case "edits" -> rb.edits().isEmpty() ? null : list(rb.editSpecs());
      case "workspace" -> rb.workspace().isEmpty() ? null : list(rb.workspace());
      default -> throw unwritten(t, k);
    };
  }

  private static String incremental(Rebuild rb, String k) {
    if (k.equals("enabled")) {
      return rb.incremental().map(String::valueOf).orElse(null);
    }
    List<String> keys = Schema.rebuildValues().stream().map(Key::name).toList();
    int i = keys.indexOf(k);
    if (i < 0) {
      throw unwritten(Schema.INCREMENTAL, k);
    }
    return number(rb.values()[i]);
  }

  private static String machine(MachineSettings m, String k) {
    return number(
        switch (k) {
          case "contention_frontend" -> m.contentionFrontend();
          case "contention_codegen" -> m.contentionCodegen();
          case "contention_other" -> m.contentionOther();
          case "speed_frontend" -> m.speedFrontend();
          case "speed_codegen" -> m.speedCodegen();
          case "speed_other" -> m.speedOther();
          default -> throw unwritten(Schema.MACHINE, k);
        });
  }

  private static String rustc(RustcSettings r, String k) {
    return number(
        switch (k) {
          case "codegen_serial_share" -> r.codegenSerialShare();
          case "codegen_fixed_s" -> r.codegenFixedS();
          case "cgu_size_ratio" -> r.cguSizeRatio();
          case "thin_local_lto_share" -> r.thinLocalLtoShare();
          default -> throw unwritten(Schema.RUSTC, k);
        });
  }

  private static String profile(ProfileSettings p, String k) {
    Table t = Schema.PROFILE;
    return switch (k) {
      case "opt_level" -> p.optLevel().map(o -> o.matches("[0-3]") ? o : str(o)).orElse(null);
      case "codegen_units" -> p.codegenUnits().map(String::valueOf).orElse(null);
      case "lto" -> p.lto().map(l -> str(l.id())).orElse(null);
      case "share_generics" -> p.shareGenerics().map(String::valueOf).orElse(null);
      case "linker" -> p.linker().map(l -> str(l.id())).orElse(null);
      case "frontend_threads" ->
          unlessDefault(t, k, p.frontendThreads(), String.valueOf(p.frontendThreads()));
      case "debuginfo" -> p.debuginfo().map(String::valueOf).orElse(null);
      // both written as [profile.build-override]
      case "build_override_debug", "build-override" -> null;
      default -> throw unwritten(t, k);
    };
  }

  private static String buildOverride(BuildOverrideSettings b, String k) {
    return switch (k) {
      case "opt-level" -> b.optLevel().map(o -> o.matches("[0-3]") ? o : str(o)).orElse(null);
      case "debug" -> b.debug().map(String::valueOf).orElse(null);
      case "codegen-units" -> b.codegenUnits().map(String::valueOf).orElse(null);
      default -> throw unwritten(Schema.BUILD_OVERRIDE, k);
    };
  }

  private static String strategy(StrategyDecl d, String k) {
    return switch (k) {
      case "name" -> str(d.name());
      case "enabled" -> unlessDefault(Schema.STRATEGY, k, d.enabled(), String.valueOf(d.enabled()));
      default -> throw unwritten(Schema.STRATEGY, k);
    };
  }

  private static String crate(CrateSpec c, String k) {
    Table t = Schema.CRATE;
    Phases p = c.phases();
    Optional<CrateSize> z = c.size();
    return switch (k) {
      case "name" -> str(c.name());
      case "version" -> str(c.version());
      case "kind" -> unlessDefault(t, k, c.kind().id(), str(c.kind().id()));
      case "deps" -> c.deps().isEmpty() ? null : list(c.deps());
      case "loc" -> z.map(s -> String.valueOf(s.loc())).orElse(null);
      case "macro_invocations" ->
          z.filter(s -> !s.macroInvocations().isEmpty())
              .map(s -> counts(s.macroInvocations()))
              .orElse(null);
      case "own_instantiations" ->
          z.filter(s -> s.ownInstantiations() >= 0)
              .map(s -> String.valueOf(s.ownInstantiations()))
              .orElse(null);
      case "upstream_instantiations" ->
          z.filter(s -> !s.upstreamInstantiations().isEmpty())
              .map(s -> counts(s.upstreamInstantiations()))
              .orElse(null);
      case "frontend_s" -> z.isPresent() ? null : number(p.frontendS());
      case "codegen_s" ->
          z.isPresent() ? null : unlessDefault(t, k, p.codegenS(), number(p.codegenS()));
      case "codegen_units" -> p.codegenUnits() == 0 ? null : String.valueOf(p.codegenUnits());
      case "link_s" -> unlessDefault(t, k, p.linkS(), number(p.linkS()));
      case "build_script" -> c.buildScript().map(ScenarioWriter::script).orElse(null);
      case "built_for" ->
          c.builtFor().isEmpty()
              ? null
              : list(c.builtFor().stream().sorted().map(CrateSpec.Side::id).toList());
      default -> throw unwritten(t, k);
    };
  }

  /** An inline table {@code { frontend_s = 0.5, run_s = 0.1 }}; the compile is always split. */
  private static String script(BuildScriptSpec bs) {
    Table t = Schema.BUILD_SCRIPT;
    Phases p = bs.compile();
    List<String> parts = new ArrayList<>();
    for (String k : t.names()) {
      String v =
          switch (k) {
            case "compile_s" -> null;
            case "frontend_s" -> number(p.frontendS());
            case "codegen_s" -> unlessDefault(t, k, p.codegenS(), number(p.codegenS()));
            case "codegen_units" -> p.codegenUnits() == 0 ? null : String.valueOf(p.codegenUnits());
            case "link_s" -> unlessDefault(t, k, p.linkS(), number(p.linkS()));
            case "run_s" -> number(bs.runS());
            case "run_parallel_share" ->
                unlessDefault(t, k, bs.runParallelShare(), number(bs.runParallelShare()));
            case "deps" -> bs.deps().isEmpty() ? null : list(bs.deps());
            default -> throw unwritten(t, k);
          };
      if (v != null) {
        parts.add(k + " = " + v);
      }
    }
    return "{ " + String.join(", ", parts) + " }";
  }

  private static IllegalStateException unwritten(Table t, String k) {
    return new IllegalStateException("ScenarioWriter does not write " + t.name() + "." + k);
  }

  private static String counts(Map<String, Long> m) {
    StringBuilder sb = new StringBuilder("{ ");
    int i = 0;
    for (var e : m.entrySet()) {
      sb.append(i++ == 0 ? "" : ", ").append(key(e.getKey())).append(" = ").append(e.getValue());
    }
    return sb.append(" }").toString();
  }

  @SuppressWarnings("unchecked")
  private static String value(Object v) {
    if (v instanceof Number) {
      return number(((Number) v).doubleValue());
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof List) {
      return list((List<String>) v);
    }
    return str(String.valueOf(v));
  }

  /** A TOML key: bare when it can be, quoted otherwise. */
  static String key(String k) {
    return k.matches("[A-Za-z0-9_-]+") ? k : str(k);
  }

  private static String list(List<String> xs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < xs.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(str(xs.get(i)));
    }
    return sb.append(']').toString();
  }

  /** A number as TOML: integral values keep a ".0" so they read back as floats. */
  public static String number(double d) {
    String s = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    return s.contains(".") ? s : s + ".0";
  }

  /** A TOML basic string with escapes. */
  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\r':
          sb.append("\\r");
          break;
        default:
          if (ch < 0x20 || ch == 0x7f) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
      }
    }
    return sb.append('"').toString();
  }
}
