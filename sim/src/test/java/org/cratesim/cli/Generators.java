package org.cratesim.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inputs for the fuzz tests, valid and not, from a {@link Random}: scenario files, sweep files,
 * timing pages and mutations of any bytes. Values mix ordinary ones with the boundaries and the
 * extremes that broke the promise once (huge durations and counts, zero and huge speeds, deep
 * nesting, long and hostile strings, wrong types).
 */
final class Generators {
  private Generators() {}

  @SafeVarargs
  static <T> T pick(Random r, T... xs) {
    return xs[r.nextInt(xs.length)];
  }

  /** A number literal: mostly ordinary, sometimes a boundary or an extreme. */
  static String seconds(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> pick(r, "-1.0", "-0.0", "1e308", "9e9", "1e7", "10000000.5", "1e-300");
      case 1 -> pick(r, "nan", "inf", "-inf", "\"1.0\"", "true", "[1.0]", "{ a = 1 }");
      case 2 -> String.valueOf(r.nextInt(100_000));
      default -> String.format(Locale.ROOT, "%.3f", r.nextDouble() * 5);
    };
  }

  static String count(Random r) {
    return switch (r.nextInt(10)) {
      case 0 -> pick(r, "0", "-1", "100000", "100001", "2147483647", "9223372036854775807");
      case 1 -> pick(r, "1.5", "\"4\"", "1e3");
      default -> String.valueOf(1 + r.nextInt(16));
    };
  }

  static String speed(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> pick(r, "0", "1e-9", "1e-6", "3e12", "1e9", "1e308", "-1");
      default -> String.format(Locale.ROOT, "%.2f", 0.2 + r.nextDouble() * 3);
    };
  }

  static String share(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> pick(r, "-0.1", "1.5", "1", "0", "nan");
      default -> String.format(Locale.ROOT, "%.2f", r.nextDouble());
    };
  }

  static String name(Random r, int i) {
    return switch (r.nextInt(25)) {
      case 0 -> "\"\"";
      case 1 -> "\"" + "n".repeat(200 + r.nextInt(200)) + "\"";
      case 2 -> "\"q\\\"x,y\\n" + i + "\"";
      case 3 -> "\"esc\\u001b[31m\\u0000" + i + "\"";
      case 4 -> "c" + i;
      default -> "\"c" + i + "\"";
    };
  }

  /** A scenario: mostly well-formed, with wrong values here and there. */
  static String scenario(Random r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(10) == 0) {
      sb.append("name = ").append(name(r, 99)).append('\n');
    }
    sb.append("[build]\njobs = ").append(count(r)).append('\n');
    if (r.nextBoolean()) {
      sb.append("mode = ")
          .append(pick(r, "\"debug\"", "\"release\"", "\"check\"", "\"fast\"", "3"))
          .append('\n');
    }
    if (r.nextInt(3) == 0) {
      sb.append("startup_s = ").append(seconds(r)).append('\n');
    }
    if (r.nextInt(6) == 0) {
      sb.append("kind = ")
          .append(pick(r, "\"clean\"", "\"warm\"", "\"noop\"", "\"incremental\""))
          .append('\n');
      sb.append("edits = [")
          .append(pick(r, "\"c0\"", "\"c1:body\"", "\"nope\"", "1"))
          .append("]\n");
    }
    if (r.nextInt(4) == 0) {
      sb.append("[machine]\n");
      for (String k : List.of("speed_frontend", "speed_codegen", "speed_other")) {
        if (r.nextBoolean()) {
          sb.append(k).append(" = ").append(speed(r)).append('\n');
        }
      }
      if (r.nextBoolean()) {
        sb.append("contention_codegen = ")
            .append(pick(r, "0.1", "0.5", "100", "101", "1e308", "-1"))
            .append('\n');
      }
    }
    if (r.nextInt(5) == 0) {
      sb.append("[rustc]\ncodegen_serial_share = ").append(share(r)).append('\n');
    }
    if (r.nextInt(4) == 0) {
      sb.append("[profile]\n");
      if (r.nextBoolean()) {
        sb.append("debuginfo = ")
            .append(pick(r, "0", "2", "3", "1.5", "\"x\"", "\"full\""))
            .append('\n');
      }
      if (r.nextBoolean()) {
        sb.append("lto = ")
            .append(pick(r, "\"fat\"", "\"off\"", "\"thin\"", "\"yes\""))
            .append('\n');
      }
      if (r.nextBoolean()) {
        sb.append("codegen_units = ").append(count(r)).append('\n');
      }
      if (r.nextInt(4) == 0) {
        sb.append("frontend_threads = ").append(pick(r, "1", "8", "256", "257")).append('\n');
      }
    }
    if (r.nextInt(8) == 0) {
      sb.append("[costs]\nllvm_opt_exponent = ").append(seconds(r)).append('\n');
    }
    if (r.nextInt(8) == 0) {
      sb.append("[[strategy]]\nname = ")
          .append(
              pick(
                  r, "\"shared-cache\"", "\"expansion-cache\"", "\"nope\"", "\"wasm-proc-macros\""))
          .append('\n');
      if (r.nextBoolean()) {
        sb.append(pick(r, "hit_rate", "interpreter_slowdown", "per_invocation_s"))
            .append(" = ")
            .append(seconds(r))
            .append('\n');
      }
    }
    int n = 1 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      sb.append("\n[[crate]]\nname = ").append(name(r, i)).append('\n');
      if (i > 0 && r.nextInt(3) != 0) {
        int d = r.nextInt(6) == 0 ? r.nextInt(n + 1) : r.nextInt(i);
        sb.append("deps = [\"c").append(d).append("\"]\n");
      }
      if (r.nextInt(6) == 0) {
        sb.append("kind = ")
            .append(pick(r, "\"bin\"", "\"proc-macro\"", "\"lib\"", "\"x\""))
            .append('\n');
      }
      if (r.nextInt(5) == 0) {
        sb.append("loc = ")
            .append(
                pick(r, "1000", "50000", "1000000000", "1000000001", "9223372036854775807", "-5"))
            .append('\n');
      } else {
        sb.append("frontend_s = ").append(seconds(r)).append('\n');
        if (r.nextBoolean()) {
          sb.append("codegen_s = ").append(seconds(r)).append('\n');
        }
        if (r.nextInt(3) == 0) {
          sb.append("link_s = ").append(seconds(r)).append('\n');
        }
      }
      if (r.nextInt(4) == 0) {
        sb.append("codegen_units = ").append(count(r)).append('\n');
      }
      if (r.nextInt(8) == 0) {
        sb.append("build_script = { compile_s = ")
            .append(seconds(r))
            .append(", run_s = ")
            .append(seconds(r))
            .append(" }\n");
      }
    }
    if (r.nextInt(20) == 0) {
      int depth = pick(r, 10, 40, 1000, 5000);
      sb.append("[[crate]]\nname = \"deep\"\nfrontend_s = 1\ndeps = ")
          .append("[".repeat(depth))
          .append("]".repeat(depth))
          .append('\n');
    }
    if (r.nextInt(20) == 0) {
      int depth = pick(r, 10, 40, 1000);
      sb.append("[[crate]]\nname = \"deep2\"\nfrontend_s = 1\nbuild_script = ")
          .append("{ a = ".repeat(depth))
          .append('1')
          .append(" }".repeat(depth))
          .append('\n');
    }
    if (r.nextInt(30) == 0) {
      sb.append("[[crate]]\nname = \"").append("z".repeat(70_000)).append("\"\nfrontend_s = 1\n");
    }
    return sb.toString();
  }

  /** Command-line options for {@code run}: outputs into {@code out}, overrides, formats. */
  static void runOptions(Random r, Path out, List<String> args) {
    if (r.nextInt(4) == 0) {
      args.addAll(List.of("-j", count(r).replace("\"", "")));
    }
    if (r.nextInt(5) == 0) {
      args.addAll(
          List.of(
              "--set",
              pick(
                      r,
                      "build.startup_s=",
                      "machine.speed_codegen=",
                      "profile.codegen_units=",
                      "costs.llvm_opt_exponent=",
                      "crate.c0.codegen_s=",
                      "nope.x=")
                  + pick(r, "1", "0", "-1", "1e308", "3e12", "nan", "x")));
    }
    if (r.nextInt(5) == 0) {
      args.addAll(List.of("--format", pick(r, "text", "json", "csv", "xml")));
    }
    if (r.nextInt(4) == 0) {
      args.addAll(List.of("-o", out.resolve(pick(r, "r.txt", "missing/r.txt")).toString()));
    }
    if (r.nextInt(6) == 0) {
      args.addAll(List.of("--html", out.resolve(pick(r, "r.html", "missing/r.html")).toString()));
    }
    if (r.nextInt(8) == 0) {
      args.addAll(List.of("--edit", pick(r, "c0", "c1:body", "nope", "c0:oops")));
    }
  }

  /** A small valid scenario the sweep files point at. */
  static String smallScenario() {
    return "[build]\njobs = 2\n[[crate]]\nname = \"a\"\nfrontend_s = 0.5\ncodegen_s = 0.5\n"
        + "[[crate]]\nname = \"b\"\ndeps = [\"a\"]\nfrontend_s = 0.3\ncodegen_s = 0.2\n";
  }

  static String varyOption(Random r) {
    return pick(
        r,
        "jobs=1,2",
        "jobs=0",
        "jobs=x",
        "mode=check,release",
        "profile.lto=fat,off",
        "nope=1",
        "=1",
        "jobs=",
        "build.startup_s=1e308",
        "machine.speed_codegen=3e12");
  }

  /** A sweep file over {@code base.toml}. */
  static String sweepFile(Random r) {
    StringBuilder sb = new StringBuilder();
    sb.append("scenario = ")
        .append(
            pick(
                r,
                "\"base.toml\"",
                "\"base.toml\"",
                "\"base.toml\"",
                "\"missing.toml\"",
                "\"ba\\u0000se.toml\"",
                "3",
                "\"sweep.toml\""))
        .append('\n');
    if (r.nextBoolean()) {
      sb.append("replications = ")
          .append(pick(r, "1", "2", "3", "0", "-1", "2000000000", "1.5", "\"2\""))
          .append('\n');
    }
    if (r.nextInt(3) == 0) {
      sb.append("seed = ").append(pick(r, "1", "42", "-3", "x")).append('\n');
    }
    if (r.nextInt(10) == 0) {
      sb.append(pick(r, "vary = [1, 2]\n", "vary = 3\n", "noise = [1]\n", "typo = 1\n"));
    }
    if (r.nextInt(4) != 0) {
      sb.append("[vary]\n");
      int k = 1 + r.nextInt(2);
      for (int i = 0; i < k; i++) {
        sb.append(
            pick(
                r,
                "jobs = [1, 2]\n",
                "jbos = [1, 2]\n",
                "mode = [\"check\", \"debug\"]\n",
                "profile.lto = [\"fat\", \"off\"]\n",
                "codegen_units = [1, 16]\n",
                "jobs = [0]\n",
                "jobs = []\n",
                "jobs = [[1]]\n",
                "\"build.startup_s\" = [1e308]\n",
                "\"machine.speed_codegen\" = [3e12]\n",
                "strategy = [\"none\", \"shared-cache\", \"nope\"]\n"));
      }
    }
    if (r.nextInt(4) == 0) {
      sb.append("[noise]\nbuild_cv = ")
          .append(pick(r, "0.05", "-1", "1e308", "nan", "\"x\""))
          .append('\n');
    }
    return sb.toString();
  }

  /** A JSON envelope of a timing page (cargo 1.95 fields), mostly well-formed. */
  static String page(Random r) {
    int n = 1 + r.nextInt(6);
    StringBuilder sb = new StringBuilder("{\"source\": \"gen.html\", ");
    if (r.nextInt(6) != 0) {
      sb.append("\"total_s\": ")
          .append(pick(r, "3.5", "3.5", "3.5", "-5", "1e15", "1e999", "\"x\"", "null"))
          .append(", ");
    } else {
      sb.append("\"total_text\": \"")
          .append(pick(r, "3.5s", "9".repeat(400) + "s", "99999999999m 1.0s", "soon"))
          .append("\", ");
    }
    sb.append("\"jobs\": ")
        .append(pick(r, "1", "2", "2", "0", "-1", "100001", "2147483647", "1.5", "\"2\""))
        .append(", \"ncpu\": 2, \"profile\": \"")
        .append(pick(r, "dev", "release", "check", "x"))
        .append("\", \"rustc\": \"rustc 1.95.0\", \"units\": [");
    double t = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String unitName =
          switch (r.nextInt(20)) {
            case 0 -> "";
            case 1 -> "x".repeat(300);
            case 2 -> "q\\\"x,y\\n";
            case 3 -> "esc\\u001b\\u0000";
            default -> "u" + (r.nextInt(8) == 0 ? 0 : i);
          };
      String dur =
          r.nextInt(10) == 0
              ? pick(r, "-0.4", "1e15", "1e7", "1e308", "null", "\"1\"")
              : String.format(Locale.ROOT, "%.2f", 0.01 + r.nextDouble());
      List<Integer> unblocked = new ArrayList<>();
      if (i + 1 < n && r.nextBoolean()) {
        unblocked.add(i + 1);
      }
      if (r.nextInt(12) == 0) {
        unblocked.add(r.nextInt(n + 2));
      }
      sb.append("{\"i\": ")
          .append(r.nextInt(15) == 0 ? 0 : i)
          .append(", \"name\": \"")
          .append(unitName)
          .append("\", \"version\": \"1.0.0\", \"mode\": \"")
          .append(pick(r, "todo", "todo", "todo", "run-custom-build", "weird"))
          .append("\", \"target\": \"")
          .append(pick(r, "", "", " build-script", " build-script (run)", " bin \\\"x\\\""))
          .append("\", \"features\": [], \"start\": ")
          .append(String.format(Locale.ROOT, "%.2f", t))
          .append(", \"duration\": ")
          .append(dur)
          .append(", \"unblocked_units\": ")
          .append(unblocked)
          .append(", \"unblocked_rmeta_units\": [], \"sections\": null}");
      t += 0.3;
    }
    sb.append("]}");
    return sb.toString();
  }

  /** Byte-level mutations: flips, insertions (high bytes, NUL, ESC), deletions, truncation. */
  static byte[] mutate(byte[] in, Random r) {
    List<Byte> b = new ArrayList<>(in.length + 16);
    for (byte x : in) {
      b.add(x);
    }
    int k = 1 + r.nextInt(4);
    for (int m = 0; m < k && !b.isEmpty(); m++) {
      int at = r.nextInt(b.size());
      switch (r.nextInt(5)) {
        case 0 -> b.set(at, (byte) r.nextInt(256));
        case 1 -> b.add(at, pick(r, (byte) 0, (byte) 0x1b, (byte) 0xe9, (byte) 0xff, (byte) '['));
        case 2 -> b.remove(at);
        case 3 -> b.subList(at, b.size()).clear();
        default -> b.add(at, (byte) "\"{}]\n#\\\\".charAt(r.nextInt(7)));
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  /**
   * Mutations of a real page: a byte mutation, or a line-level one (a line dropped, repeated or
   * swapped), or a number replaced by an extreme one.
   */
  static byte[] mutatePage(byte[] page, Random r) {
    int kind = r.nextInt(3);
    if (kind == 0) {
      return mutate(page, r);
    }
    String text = new String(page, StandardCharsets.UTF_8);
    if (kind == 1) {
      List<String> lines = new ArrayList<>(text.lines().toList());
      if (lines.size() > 1) {
        int a = r.nextInt(lines.size());
        int c = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
          case 0 -> lines.remove(a);
          case 1 -> lines.add(a, lines.get(c));
          default -> {
            String x = lines.get(a);
            lines.set(a, lines.get(c));
            lines.set(c, x);
          }
        }
      }
      return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
    // replace the k-th number by an extreme
    Matcher m = Pattern.compile("-?[0-9]+(\\.[0-9]+)?").matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return mutate(page, r);
    }
    StringBuilder sb = new StringBuilder(text);
    for (int j = 0; j < 1 + r.nextInt(3); j++) {
      int[] s = spans.get(r.nextInt(spans.size()));
      String rep = pick(r, "1e308", "-1", "99999999999", "2147483647", "1e15", "NaN", "0", "");
      if (s[1] <= sb.length()) {
        sb.replace(s[0], s[1], rep);
      }
      break;
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
