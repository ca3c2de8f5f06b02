package org.cratesim.importer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cratesim.model.KeyedValues;
import org.cratesim.model.MachineSettings;
import org.cratesim.model.Mode;
import org.cratesim.model.RustcSettings;

/**
 * The fitted parameters for one machine and mode: the simulator's machine and rustc settings, and
 * how the importer splits units whose page has no {@code .rmeta} time.
 *
 * @param profile name of the machine profile (e.g. "epyc-2022")
 * @param mode build mode
 * @param values every parameter by its key (see {@link #KEYS})
 */
public record Calibration(String profile, Mode mode, Map<String, Double> values) {

  /** Parameter keys with their documentation, in a stable order. */
  public static final Map<String, String> KEYS = keys();

  public Calibration {
    Objects.requireNonNull(profile);
    Objects.requireNonNull(mode);
    values = KeyedValues.validated(KEYS, values, "parameter");
  }

  private static Map<String, String> keys() {
    Map<String, String> k = new LinkedHashMap<>();
    k.put("contention_frontend", "front-end slowdown per extra busy thread");
    k.put("contention_codegen", "codegen slowdown per extra busy thread");
    k.put("contention_other", "link / build-script-run slowdown per extra busy thread");
    k.put("speed_frontend", "front-end speed of the predicted run relative to the measured one");
    k.put("speed_codegen", "codegen speed of the predicted run relative to the measured one");
    k.put("speed_other", "link / script-run speed relative to the measured one");
    k.put("codegen_serial_share", "share of codegen done by rustc's main thread (MIR to LLVM IR)");
    k.put("codegen_fixed_s", "serial codegen seconds per unit before CGUs (capped at codegen)");
    k.put("codegen_units", "most CGUs per imported unit (rustc: 16 when not incremental)");
    k.put(
        "cgu_work_s",
        "codegen seconds per CGU: a unit gets codegen_s / cgu_work_s CGUs, "
            + "at least 1, at most codegen_units (0 = always codegen_units)");
    k.put("cgu_size_ratio", "size of each CGU relative to the previous, largest first");
    k.put(
        "thin_local_lto_share",
        "release: share of LLVM work in the thin-local LTO phase "
            + "after all CGUs are optimised");
    k.put(
        "proc_macro_frontend_share",
        "share of a dependency proc macro's measured time that is front end");
    k.put(
        "root_proc_macro_frontend_share",
        "the same for a proc macro nothing depends on (the crate being built: profile, not "
            + "build-override)");
    k.put("build_script_frontend_share", "share of a build-script compile that is front end");
    k.put(
        "bin_frontend_share",
        "share of a bin's measured time that is front end, when the "
            + "page has under 1 s of libs to take the share from");
    k.put(
        "build_script_run_parallel_share",
        "share of a build-script run of 1 s or more that is parallel jobs, when cc's parallel "
            + "feature (the jobserver crate) is in the build");
    return java.util.Collections.unmodifiableMap(k);
  }

  public double get(String key) {
    return KeyedValues.get(KEYS, values, key, "parameter");
  }

  /** A copy with one parameter changed. */
  public Calibration with(String key, double value) {
    return new Calibration(profile, mode, KeyedValues.with(KEYS, values, key, value, "parameter"));
  }

  public MachineSettings machine() {
    return new MachineSettings(
        get("contention_frontend"),
        get("contention_codegen"),
        get("contention_other"),
        get("speed_frontend"),
        get("speed_codegen"),
        get("speed_other"));
  }

  public RustcSettings rustc() {
    return new RustcSettings(
        get("codegen_serial_share"),
        get("codegen_fixed_s"),
        get("cgu_size_ratio"),
        get("thin_local_lto_share"));
  }

  public int codegenUnits() {
    return Math.max(1, (int) Math.round(get("codegen_units")));
  }

  /** CGUs for a unit with this much codegen: small crates fill fewer CGUs. */
  public int codegenUnitsFor(double codegenS) {
    double per = get("cgu_work_s");
    if (per <= 0) {
      return codegenUnits();
    }
    return (int) Math.max(1, Math.min(codegenUnits(), Math.round(codegenS / per)));
  }

  /** "profile.mode key=value ..." for reports. */
  public String describe() {
    StringBuilder sb = new StringBuilder(profile + "." + mode.id());
    values.forEach(
        (k, v) ->
            sb.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.4g", v)));
    return sb.toString();
  }
}
