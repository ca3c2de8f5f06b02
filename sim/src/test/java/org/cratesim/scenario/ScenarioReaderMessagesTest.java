package org.cratesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader's messages for values out of range, which it builds from the {@link Schema}'s ranges
 * and choices: each exactly as it was when every check was written out by hand.
 */
class ScenarioReaderMessagesTest {
  private static final String CRATE = "[[crate]]\nname = \"a\"\nfrontend_s = 1\n";

  private static String message(String toml) {
    return assertThrows(ScenarioException.class, () -> ScenarioReader.parse(toml, "bad.toml"))
        .getMessage();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "jobs = 0|bad.toml:2: jobs must be between 1 and 100000, was 0",
        "jobs = 100001|bad.toml:2: jobs must be between 1 and 100000, was 100001",
        "jobs = 2\\nstartup_s = -1|bad.toml:3: startup_s must not be negative, was -1.0",
        "jobs = 2\\nmode = \"fast\"|bad.toml:3: unknown mode 'fast' (expected check, debug or "
            + "release)",
        "jobs = 2\\nbogus = 1|bad.toml:3: unknown key 'build.bogus' (known: cargo_version, "
            + "edits, jobs, kind, mode, pending_queue, scheduling, startup_s, workspace)"
      })
  void build(String build, String expected) {
    assertEquals(expected, message("[build]\n" + build.replace("\\n", "\n") + "\n" + CRATE));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "[machine]\\ncontention_codegen = -0.5|bad.toml:2: contention_codegen must not be negative, "
            + "was -0.5",
        "[machine]\\nspeed_frontend = 0|bad.toml:2: speed_frontend must be between 1.0E-6 and 1000000000",
        "[rustc]\\ncodegen_serial_share = 1.5|bad.toml:2: codegen_serial_share must be between 0 "
            + "and 1",
        "[rustc]\\ncodegen_serial_share = -0.1|bad.toml:2: codegen_serial_share must be between 0 "
            + "and 1",
        "[rustc]\\ncgu_size_ratio = 0|bad.toml:2: cgu_size_ratio must be in (0, 1]",
        "[rustc]\\nthin_local_lto_share = 1|bad.toml:2: thin_local_lto_share must be in [0, 1)",
        "[rustc]\\ncodegen_fixed_s = -1|bad.toml:2: codegen_fixed_s must not be negative, was -1.0",
        "[incremental]\\nitems_share = 1.5|bad.toml:2: items_share is a share: between 0 and 1",
        "[incremental]\\ncgu_share = -0.5|bad.toml:2: cgu_share must not be negative, was -0.5",
        "[incremental]\\noverhead_s = -1|bad.toml:2: overhead_s must not be negative, was -1.0",
        "[incremental]\\nenabled = 1|bad.toml:2: enabled must be true or false",
        "[incremental]\\nx = 1|bad.toml:2: unknown key 'incremental.x' (known: "
            + "bin_frontend_share, bin_link_s, body_cgu_share, cgu_share, check_items_share, "
            + "dependent_cgu_share, dependent_items_share, enabled, expansion_share, items_share, "
            + "lib_bin_frontend_share, overhead_s, plain_expansion_share, signature_share)",
        "[profile]\\nopt_level = 4|bad.toml:2: opt_level must be 0, 1, 2, 3, \"s\" or \"z\"",
        "[profile]\\ndebuginfo = 3|bad.toml:2: debuginfo must be 0, 1, 2, \"none\", "
            + "\"line-tables-only\" or \"full\"",
        "[profile]\\nfrontend_threads = 257|bad.toml:2: frontend_threads must be at most 256",
        "[profile]\\nfrontend_threads = 0|bad.toml:2: frontend_threads must be between 1 and "
            + "100000, was 0",
        "[profile]\\ncodegen_units = 0|bad.toml:2: codegen_units must be between 1 and 100000, "
            + "was 0",
        "[profile]\\nlinker = \"gold\"|bad.toml:2: unknown linker 'gold' (expected ld, lld or "
            + "mold)",
        "[costs]\\nllvm_opt_exponent = -1|bad.toml:2: llvm_opt_exponent must not be negative, "
            + "was -1.0"
      })
  void tables(String table, String expected) {
    assertEquals(expected, message(table.replace("\\n", "\n") + "\n[build]\njobs = 2\n" + CRATE));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "frontend_s = -1|bad.toml:5: frontend_s must not be negative, was -1.0",
        "frontend_s = 1\\ncodegen_units = 0|bad.toml:6: codegen_units must be between 1 and 100000, "
            + "was 0",
        "loc = -1|bad.toml:5: loc must be a whole number >= 0, was the integer -1",
        "frontend_s = 1\\nbuild_script = { compile_s = 1, nope = 1 }|bad.toml:6: unknown key "
            + "build_script.nope in crate 'a' (known: compile_s, frontend_s, codegen_s, "
            + "codegen_units, link_s, run_s, run_parallel_share, deps)",
        "frontend_s = 1\\nbuild_script = { compile_s = 1, run_parallel_share = 2 }|bad.toml:6: "
            + "build_script.run_parallel_share must be between 0 and 1",
        "frontend_s = 1\\nbuild_script = { compile_s = -1 }|bad.toml:6: build_script.compile_s must "
            + "be >= 0, was -1",
        "frontend_s = 1\\nbuild_script = { frontend_s = 1, codegen_units = 0 }|bad.toml:6: "
            + "build_script.codegen_units must be a whole number >= 1"
      })
  void crate(String keys, String expected) {
    assertEquals(
        expected,
        message("[build]\njobs = 2\n[[crate]]\nname = \"a\"\n" + keys.replace("\\n", "\n") + "\n"));
  }
}
