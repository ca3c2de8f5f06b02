package org.cratesim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasureTest {
  @TempDir Path tmp;

  @Test
  void variant_envAndCargoArgsAndJobs() {
    Variant v =
        Variant.parse(
            "lld=RUSTFLAGS='-C link-arg=-fuse-ld=lld' CARGO_PROFILE_DEV_DEBUG=0"
                + " --config=profile.dev.opt-level=1 -j1");
    assertEquals("lld", v.name());
    assertEquals(
        Map.of("RUSTFLAGS", "-C link-arg=-fuse-ld=lld", "CARGO_PROFILE_DEV_DEBUG", "0"), v.env());
    assertEquals(List.of("RUSTFLAGS", "CARGO_PROFILE_DEV_DEBUG"), List.copyOf(v.env().keySet()));
    assertEquals(List.of("--config=profile.dev.opt-level=1"), v.cargoArgs());
    assertEquals(Optional.of(1), v.jobs());
    assertEquals(
        "RUSTFLAGS='-C link-arg=-fuse-ld=lld' CARGO_PROFILE_DEV_DEBUG=0 -j1"
            + " --config=profile.dev.opt-level=1",
        v.describe());
  }

  @Test
  void variant_optionValuesInTheNextWord() {
    Variant v = Variant.parse("v=--config profile.dev.debug=0 -j 2 --release -p app X=1");
    assertEquals(
        List.of("--config", "profile.dev.debug=0", "--release", "-p", "app"), v.cargoArgs());
    assertEquals(Optional.of(2), v.jobs());
    assertEquals(Map.of("X", "1"), v.env());
  }

  @Test
  void variant_emptyBareAndQuoting() {
    assertEquals(
        new Variant("base", Map.of(), List.of(), Optional.empty()), Variant.parse("base="));
    assertEquals(new Variant("base", Map.of(), List.of(), Optional.empty()), Variant.parse("base"));
    Variant q = Variant.parse("q=A=\"x \\\"y\\\"\" B= C=a\\ b --jobs=3");
    assertEquals(Map.of("A", "x \"y\"", "B", "", "C", "a b"), q.env());
    assertEquals(Optional.of(3), q.jobs());
    assertEquals(Map.of("A", "x=1"), Variant.parse("v=A=x=1").env());
  }

  @Test
  void variant_errorsNameTheProblem() {
    assertBad("a b=X=1", "the name 'a b'");
    assertBad("=X=1", "the name ''");
    assertBad("v=profile", "'profile' is neither KEY=VALUE nor a cargo argument");
    assertBad("v=-j two", "-j two is not a number of jobs");
    assertBad("v=-j0", "-j 0 is not a number of jobs");
    assertBad("v=--config", "--config needs a value");
    assertBad("v=RUSTFLAGS='-C x", "quote is not closed");
    assertBad("v=CARGO_TARGET_DIR=/tmp/t", "measure chooses the target directory");
    assertBad("v=--target-dir=/tmp/t", "measure chooses the target directory");
    assertBad("v=1X=2", "neither KEY=VALUE");
    MeasureInputException e =
        assertThrows(
            MeasureInputException.class, () -> Variant.parseAll(List.of("a=X=1", "a=X=2")));
    assertEquals("--variant: the name 'a' is used twice", e.getMessage());
  }

  private static void assertBad(String spec, String part) {
    MeasureInputException e =
        assertThrows(MeasureInputException.class, () -> Variant.parse(spec), spec);
    assertTrue(e.getMessage().startsWith("--variant '" + spec + "': "), e.getMessage());
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  @Test
  void plan_interleavesRepetitionByRepetition() {
    List<Variant> vs = Variant.parseAll(List.of("a", "b=X=1", "c=Y=2"));
    List<String> order =
        Plan.of(vs, 3, BuildKind.CLEAN, Set.of()).stream().map(Plan.Step::stem).toList();
    assertEquals(
        List.of("a-r1", "b-r1", "c-r1", "a-r2", "b-r2", "c-r2", "a-r3", "b-r3", "c-r3"), order);
  }

  @Test
  void plan_warmUpsAndPrimesComeFirstUnrecorded() {
    List<Variant> vs = Variant.parseAll(List.of("a", "s=RUSTC_WRAPPER=sccache"));
    List<Plan.Step> warm = Plan.of(vs, 2, BuildKind.CHECK, Set.of("s"));
    assertEquals(
        List.of("s-warm", "a-r1", "s-r1", "a-r2", "s-r2"),
        warm.stream().map(Plan.Step::stem).toList());
    assertEquals(Plan.Purpose.WARM_UP, warm.get(0).purpose());
    assertEquals(0, warm.get(0).rep());
    List<Plan.Step> incr = Plan.of(vs, 1, BuildKind.INCREMENTAL_CHECK, Set.of("s"));
    assertEquals(
        List.of("a-prime", "s-prime", "a-r1", "s-r1"), incr.stream().map(Plan.Step::stem).toList());
  }

  @Test
  void kindLabels_areTheGroundTruthNames() {
    assertEquals("clean-dev", BuildKind.CLEAN.label(List.of()));
    assertEquals("clean-release", BuildKind.CLEAN.label(List.of("--release")));
    assertEquals("clean-bench", BuildKind.CLEAN.label(List.of("--profile=bench")));
    assertEquals("check", BuildKind.CHECK.label(List.of("--release")));
    assertEquals("incr-dev", BuildKind.INCREMENTAL.label(List.of()));
    assertEquals("incr-check", BuildKind.INCREMENTAL_CHECK.label(List.of()));
    assertEquals(Optional.of(BuildKind.INCREMENTAL_CHECK), BuildKind.byId("Incremental-Check"));
    assertEquals(Optional.empty(), BuildKind.byId("warm"));
  }

  @Test
  void median_exact() {
    assertEquals(2.0, Summary.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Summary.median(new double[] {4, 1, 3, 2}));
    assertEquals(7.0, Summary.median(new double[] {7}));
  }

  @Test
  void runsCsvAndSummary_exact() {
    List<Variant> vs = Variant.parseAll(List.of("base", "nodebug=CARGO_PROFILE_DEV_DEBUG=0"));
    List<RunRecord> runs =
        List.of(
            run("base", 1, 10.0),
            run("nodebug", 1, 8.0),
            run("base", 2, 12.0),
            run("nodebug", 2, 6.0),
            run("base", 3, 11.0),
            run("nodebug", 3, 7.0));
    String csv = RunRecord.csv(runs.subList(0, 2));
    assertEquals(
        "workspace,kind,jobs,rep,wall_s,rc,cpu_pct,maxrss_kb,cmd\n"
            + "ws,check-base,2,1,10.000,0,93%,1234,\"A=1 cargo check --timings -j2, x\"\n"
            + "ws,check-nodebug,2,1,8.000,0,93%,1234,\"A=1 cargo check --timings -j2, x\"\n",
        csv);
    List<Summary> ss = Summary.of(vs, runs);
    assertEquals(2, ss.size());
    Summary b = ss.get(0);
    assertEquals(3, b.n());
    assertEquals(10.0, b.minS());
    assertEquals(11.0, b.medianS());
    assertEquals(12.0, b.maxS());
    assertEquals(2.0 / 11.0, b.spread(), 1e-12);
    assertEquals(1.0, b.ratio());
    Summary n = ss.get(1);
    assertEquals(7.0, n.medianS());
    assertEquals(7.0 / 11.0, n.ratio(), 1e-12);
    assertEquals("check-nodebug", n.kind());
    assertEquals(
        Summary.HEADER
            + "\n"
            + "base,check-base,2,3,10.000,11.000,12.000,0.1818,1.0000,\n"
            + "nodebug,check-nodebug,2,3,6.000,7.000,8.000,0.2857,0.6364,"
            + "CARGO_PROFILE_DEV_DEBUG=0\n",
        Summary.csv(ss));
  }

  private static RunRecord run(String variant, int rep, double s) {
    return new RunRecord(
        "ws",
        "check-" + variant,
        variant,
        2,
        rep,
        s,
        0,
        "93%",
        "1234",
        "A=1 cargo check --timings -j2, x");
  }

  @Test
  void edit_appendsADifferentLineEachRunAndRestores() throws Exception {
    Path f = tmp.resolve("lib.rs");
    Files.writeString(f, "pub fn a() {}");
    try (Edit e = Edit.apply(f, Edit.Kind.COMMENT, "base-r1")) {
      assertEquals("pub fn a() {}\n// cratesim measure base-r1\n", Files.readString(f));
    }
    assertEquals("pub fn a() {}", Files.readString(f));
    try (Edit e = Edit.apply(f, Edit.Kind.PUB_FN, "no-debug.x-r2")) {
      assertEquals(
          "pub fn a() {}\n#[allow(dead_code)]\npub fn cratesim_measure_no_debug_x_r2() {}\n",
          Files.readString(f));
    }
    assertEquals("pub fn a() {}", Files.readString(f));
  }

  @Test
  void cargo_notFoundIsAFailureAMissingGivenPathIsBadInput() {
    Map<String, String> env = Map.of("PATH", tmp.toString(), "HOME", tmp.toString());
    MeasureFailure f =
        assertThrows(MeasureFailure.class, () -> Cargo.locate(Optional.empty(), env));
    assertTrue(f.getMessage().startsWith("cargo not found"), f.getMessage());
    MeasureInputException e =
        assertThrows(
            MeasureInputException.class, () -> Cargo.locate(Optional.of(tmp.resolve("nope")), env));
    assertEquals("--cargo: no such file: " + tmp.resolve("nope"), e.getMessage());
  }

  @Test
  void aBodyEdit_changesOnlyTheProbesLiteral_fromRunToRun() {
    String a = Edit.appended(Edit.Kind.BODY, "base-r1", "fn main() {}\n");
    String b = Edit.appended(Edit.Kind.BODY, "base-r2", "fn main() {}\n");
    assertNotEquals(a, b);
    String sig = "#[allow(dead_code)]\nfn cratesim_measure_probe() -> u64 {\n    ";
    assertTrue(a.startsWith(sig), a);
    assertTrue(b.startsWith(sig), b);
    assertEquals(Edit.Kind.BODY, Edit.Kind.byId("body"));
  }
}
