package org.cratesim.scenario;

import java.math.BigDecimal;
import java.util.List;
import org.cratesim.model.CostRates;
import org.cratesim.model.BuildScriptSpec;
import org.cratesim.model.CrateKind;
import org.cratesim.model.CrateSize;
import org.cratesim.model.CrateSpec;
import org.cratesim.model.Linker;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Phases;
import org.cratesim.model.ProfileSettings;
import org.cratesim.model.Rebuild;
import org.cratesim.model.RustcSettings;
import org.cratesim.model.Scenario;

/**
 * Writes a scenario as TOML that {@link ScenarioReader} reads back to an equal scenario. Keys at
 * their default are left out; numbers are written exactly as stored (no locale, no exponent).
 */
public final class ScenarioWriter {
  private ScenarioWriter() {}

  /** The scenario as TOML text; {@code header} lines become leading comments. */
  public static String write(Scenario sc, List<String> header) {
    StringBuilder sb = new StringBuilder();
    for (String h : header) {
      sb.append("# ").append(h.replaceAll("[\\r\\n]+", " ")).append('\n');
    }
    sb.append("name = ").append(str(sc.name())).append("\n\n[build]\n");
    sb.append("jobs = ").append(sc.build().jobs()).append('\n');
    sb.append("mode = ").append(str(sc.build().mode().id())).append('\n');
    sb.append("startup_s = ").append(number(sc.build().startupS())).append('\n');
    if (!sc.build().scheduling().id().equals("cargo")) {
      sb.append("scheduling = ").append(str(sc.build().scheduling().id())).append('\n');
    }
    Rebuild rb = sc.rebuild();
    if (rb.kind() != Rebuild.Kind.CLEAN) {
      sb.append("kind = ").append(str(rb.kind().id())).append('\n');
    }
    if (!rb.edits().isEmpty()) {
      sb.append("edits = ").append(list(rb.edits())).append('\n');
    }
    if (!rb.workspace().isEmpty()) {
      sb.append("workspace = ").append(list(rb.workspace())).append('\n');
    }
    Rebuild dflt = Rebuild.CLEAN;
    if (rb.incremental().isPresent()
        || !java.util.Arrays.equals(rb.values(), dflt.values())) {
      StringBuilder inc = new StringBuilder("\n[incremental]\n");
      rb.incremental().ifPresent(b -> inc.append("enabled = ").append(b).append('\n'));
      double[] v = rb.values();
      for (int i = 0; i < v.length; i++) {
        inc.append(Rebuild.KEYS.get(i)).append(" = ").append(number(v[i])).append('\n');
      }
      sb.append(inc); // the [build] keys are all written: the next table can start
    }
    MachineSettings m = sc.machine();
    if (!m.equals(MachineSettings.NONE)) {
      sb.append("\n[machine]\n");
      sb.append("contention_frontend = ").append(number(m.contentionFrontend())).append('\n');
      sb.append("contention_codegen = ").append(number(m.contentionCodegen())).append('\n');
      sb.append("contention_other = ").append(number(m.contentionOther())).append('\n');
      sb.append("speed_frontend = ").append(number(m.speedFrontend())).append('\n');
      sb.append("speed_codegen = ").append(number(m.speedCodegen())).append('\n');
      sb.append("speed_other = ").append(number(m.speedOther())).append('\n');
    }
    RustcSettings r = sc.rustc();
    if (!r.equals(RustcSettings.DEFAULT)) {
      sb.append("\n[rustc]\n");
      sb.append("codegen_serial_share = ").append(number(r.codegenSerialShare())).append('\n');
      sb.append("codegen_fixed_s = ").append(number(r.codegenFixedS())).append('\n');
      sb.append("cgu_size_ratio = ").append(number(r.cguSizeRatio())).append('\n');
      sb.append("thin_local_lto_share = ").append(number(r.thinLocalLtoShare())).append('\n');
    }
    if (!sc.profile().equals(ProfileSettings.DEFAULT)) {
      ProfileSettings p = sc.profile();
      sb.append("\n[profile]\n");
      p.optLevel().ifPresent(o -> sb.append("opt_level = ")
          .append(o.matches("[0-3]") ? o : str(o)).append('\n'));
      p.codegenUnits().ifPresent(n -> sb.append("codegen_units = ").append(n).append('\n'));
      p.lto().ifPresent(l -> sb.append("lto = ").append(str(l.id())).append('\n'));
      p.shareGenerics().ifPresent(b -> sb.append("share_generics = ").append(b).append('\n'));
      if (p.linker() != Linker.LD) {
        sb.append("linker = ").append(str(p.linker().id())).append('\n');
      }
      if (p.frontendThreads() != 1) {
        sb.append("frontend_threads = ").append(p.frontendThreads()).append('\n');
      }
      p.debuginfo().ifPresent(d -> sb.append("debuginfo = ").append(d).append('\n'));
    }
    CostRates shipped = CostRates.shipped();
    if (!sc.costs().equals(shipped)) {
      sb.append("\n[costs]\n");
      sc.costs().values().forEach((k, v) -> {
        if (!v.equals(shipped.get(k))) {
          sb.append(k).append(" = ").append(number(v)).append('\n');
        }
      });
    }
    for (var d : sc.strategies()) {
      sb.append("\n[[strategy]]\nname = ").append(str(d.name())).append('\n');
      if (!d.enabled()) {
        sb.append("enabled = false\n");
      }
      d.params().forEach((k, v) -> sb.append(key(k)).append(" = ").append(value(v)).append('\n'));
    }
    for (CrateSpec c : sc.crates()) {
      sb.append("\n[[crate]]\n");
      sb.append("name = ").append(str(c.name())).append('\n');
      sb.append("version = ").append(str(c.version())).append('\n');
      if (c.kind() != CrateKind.LIB) {
        sb.append("kind = ").append(str(c.kind().id())).append('\n');
      }
      if (!c.deps().isEmpty()) {
        sb.append("deps = ").append(list(c.deps())).append('\n');
      }
      Phases p = c.phases();
      if (c.size().isPresent()) {
        CrateSize z = c.size().get();
        sb.append("loc = ").append(z.loc()).append('\n');
        if (!z.macroInvocations().isEmpty()) {
          sb.append("macro_invocations = ").append(counts(z.macroInvocations())).append('\n');
        }
        if (z.ownInstantiations() >= 0) {
          sb.append("own_instantiations = ").append(z.ownInstantiations()).append('\n');
        }
        if (!z.upstreamInstantiations().isEmpty()) {
          sb.append("upstream_instantiations = ").append(counts(z.upstreamInstantiations()))
              .append('\n');
        }
      } else {
        sb.append("frontend_s = ").append(number(p.frontendS())).append('\n');
        if (p.codegenS() != 0) {
          sb.append("codegen_s = ").append(number(p.codegenS())).append('\n');
        }
      }
      if (p.codegenUnits() != 0) {
        sb.append("codegen_units = ").append(p.codegenUnits()).append('\n');
      }
      if (p.linkS() != 0) {
        sb.append("link_s = ").append(number(p.linkS())).append('\n');
      }
      if (c.buildScript().isPresent()) {
        sb.append("build_script = ").append(script(c.buildScript().get())).append('\n');
      }
      if (!c.builtFor().isEmpty()) {
        sb.append("built_for = ").append(list(c.builtFor().stream().sorted()
            .map(CrateSpec.Side::id).toList())).append('\n');
      }
    }
    return sb.toString();
  }

  private static String script(BuildScriptSpec bs) {
    Phases p = bs.compile();
    StringBuilder sb = new StringBuilder("{ frontend_s = ").append(number(p.frontendS()));
    if (p.codegenS() != 0) {
      sb.append(", codegen_s = ").append(number(p.codegenS()));
    }
    if (p.codegenUnits() != 0) {
      sb.append(", codegen_units = ").append(p.codegenUnits());
    }
    if (p.linkS() != 0) {
      sb.append(", link_s = ").append(number(p.linkS()));
    }
    sb.append(", run_s = ").append(number(bs.runS()));
    if (bs.runParallelShare() != 0) {
      sb.append(", run_parallel_share = ").append(number(bs.runParallelShare()));
    }
    if (!bs.deps().isEmpty()) {
      sb.append(", deps = ").append(list(bs.deps()));
    }
    return sb.append(" }").toString();
  }

  private static String counts(java.util.Map<String, Long> m) {
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
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
      }
    }
    return sb.append('"').toString();
  }
}
