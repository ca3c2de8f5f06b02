package org.cratesim.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The rates of the size-based cost model, by key. Shipped defaults live in {@code costs.toml}
 * beside this class (written by {@code cratesim calibrate-costs}); a scenario's {@code [costs]}
 * table and {@code --set} override single keys. Units: seconds; kloc = 1,000 lines of code; kir =
 * 1,000 lines of LLVM IR; kinst = 1,000 monomorphised copies.
 */
public record CostRates(Map<String, Double> values) {

  /** Every key with its meaning, in a stable order. */
  public static final Map<String, String> KEYS = keys();

  public CostRates {
    values = KeyedValues.validated(KEYS, values, "cost rate");
    for (var e : values.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException(
            "cost rate '" + e.getKey() + "' must be >= 0, was " + e.getValue());
      }
    }
  }

  private static Map<String, String> keys() {
    Map<String, String> k = new LinkedHashMap<>();
    // front end
    k.put("frontend_fixed_s", "per crate: rustc start-up, loading std's metadata");
    k.put(
        "frontend_per_kloc_s",
        "parse, resolve, type- and borrow-check, lints per 1,000 lines "
            + "(source and macro-generated)");
    k.put("expand_per_kloc_s", "macro expansion per 1,000 source lines (macro_rules!, cfg)");
    k.put("expand_per_invocation_s", "running one proc-macro invocation");
    k.put("generated_lines_per_invocation", "lines of code one proc-macro invocation generates");
    k.put("metadata_load_per_dep_s", "loading one direct dependency's metadata (fixed part)");
    k.put(
        "metadata_load_per_dep_kloc_s",
        "loading a dependency's metadata per 1,000 of its " + "lines");
    k.put("metadata_write_per_kloc_s", "writing .rmeta per 1,000 lines");
    // code generation
    k.put(
        "copies_per_line",
        "functions a crate codegens from its own code per line of source "
            + "or generated code (what cargo llvm-lines counts as copies, besides instantiations)");
    k.put(
        "ir_lines_per_line",
        "LLVM IR lines per line of (source and generated) code, beyond " + "what its copies give");
    k.put("ir_lines_per_instantiation", "LLVM IR lines per codegen'd function copy");
    k.put("mono_per_kinst_s", "monomorphisation collector per 1,000 copies (serial)");
    k.put("translate_per_kir_s", "MIR to LLVM IR per 1,000 IR lines (serial, main thread)");
    k.put("llvm_debug_per_kir_s", "LLVM at opt-level 0 per 1,000 IR lines (parallel per CGU)");
    k.put(
        "llvm_opt_per_kir_s",
        "LLVM at opt-level >= 1 per 1,000 IR lines, for a CGU of " + "llvm_opt_ref_kir");
    k.put("llvm_opt_ref_kir", "the CGU size (1,000 IR lines) llvm_opt_per_kir_s refers to");
    k.put(
        "llvm_opt_exponent",
        "how LLVM cost grows with CGU size at opt-level >= 1 (1 = " + "linear; > 1 superlinear)");
    k.put("codegen_fixed_s", "per crate with codegen: allocator shim, metadata object, rlib");
    k.put(
        "min_cgu_kir",
        "the smallest CGU rustc makes (1,000 IR lines): a small crate fills "
            + "fewer CGUs than its codegen_units");
    // link
    k.put("link_fixed_s", "per link (bins, proc macros)");
    k.put("link_per_kir_s", "per 1,000 IR lines of everything linked, with GNU ld");
    k.put("link_per_input_s", "per crate (rlib) the linker reads");
    k.put("linker_lld_factor", "link time with lld relative to ld (ripgrep: 7x faster)");
    k.put("linker_mold_factor", "link time with mold relative to ld");
    k.put(
        "debuginfo_line_tables_factor",
        "codegen and link time with line tables only " + "relative to full debuginfo");
    k.put("debuginfo_none_factor", "codegen and link time without debuginfo relative to full");
    k.put(
        "timed_host_debuginfo_none_factor",
        "a host unit given in seconds: codegen and link time without debuginfo relative to full");
    // LTO
    k.put(
        "bitcode_only_factor",
        "a dependency's LLVM work left when it stops at bitcode " + "(thin and fat LTO)");
    k.put("thin_local_lto_share", "share of a release crate's LLVM work in thin-local LTO");
    k.put(
        "lto_thin_factor",
        "cross-crate ThinLTO at the final link: parallel work, as a "
            + "factor of the LLVM work of every crate linked");
    k.put(
        "lto_fat_factor",
        "fat LTO at the final link: serial work, as a factor of the LLVM "
            + "work of every crate linked");
    // parallel front end
    k.put("frontend_parallel_share", "share of the front end -Z threads=N parallelises");
    k.put(
        "frontend_parallel_overhead",
        "front-end work with the parallel compiler relative to " + "the serial one");
    // inlining across crates
    k.put(
        "inline_share",
        "share of a crate's code that is #[inline] or generic and is "
            + "re-translated in every crate that uses it when split");
    return Collections.unmodifiableMap(k);
  }

  public double get(String key) {
    return KeyedValues.get(KEYS, values, key, "cost rate");
  }

  /** A copy with one rate changed. */
  public CostRates with(String key, double value) {
    return new CostRates(KeyedValues.with(KEYS, values, key, value, "cost rate"));
  }

  /** The shipped, calibrated rates (costs.toml). */
  public static CostRates shipped() {
    try (InputStream in = CostRates.class.getResourceAsStream("/org/cratesim/cost/costs.toml")) {
      if (in == null) {
        throw new IllegalStateException("costs.toml missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a TOML document with one {@code [costs]} table. */
  public static CostRates parse(String text) {
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      throw new IllegalStateException("costs.toml: " + toml.errors().get(0));
    }
    var t = Objects.requireNonNull(toml.getTable("costs"), "costs.toml needs a [costs] table");
    Map<String, Double> v = new LinkedHashMap<>();
    for (String k : t.keySet()) {
      v.put(k, ((Number) t.get(List.of(k))).doubleValue());
    }
    return new CostRates(v);
  }
}
