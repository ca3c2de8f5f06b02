package org.cratesim.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One way of running the build: environment variables set on top of the inherited environment and
 * cargo arguments added to the command. Written {@code NAME=WORD WORD ...} (or just {@code NAME}),
 * where each word is either {@code KEY=VALUE} (an environment variable) or a cargo argument, which
 * starts with {@code -} ({@code --release}, {@code --config=profile.dev.debug=0}, {@code -j1});
 * cargo's options that take a value ({@link #TAKES_VALUE}: {@code --config}, {@code -Z}, {@code
 * -p}, {@code --features}, …, and {@code -j}) may have it in the next word ({@code --config
 * profile.dev.debug=0}, {@code -j 1}). Words are separated by spaces; single or double quotes keep
 * spaces inside a word ({@code RUSTFLAGS='-C link-arg=-fuse-ld=lld'}), a backslash escapes the next
 * character outside single quotes. A {@code -jN} or {@code --jobs=N} of the variant replaces the
 * command's {@code -j}.
 *
 * @param name file-name-safe, unique among the variants (the pages are {@code <name>-r<N>.html})
 * @param env environment variables, in the order written
 * @param cargoArgs cargo arguments other than the jobs, in the order written
 * @param jobs the variant's own {@code -j}, if it has one
 */
public record Variant(
    String name, Map<String, String> env, List<String> cargoArgs, Optional<Integer> jobs) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+]+(?:-[A-Za-z0-9_.+]+)*");
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern JOBS = Pattern.compile("(?:-j|--jobs=)(.+)");

  /** cargo's options that take a value: written as two words, the next word is the value. */
  static final Set<String> TAKES_VALUE =
      Set.of(
          "--config",
          "-Z",
          "--profile",
          "-p",
          "--package",
          "--features",
          "-F",
          "--target",
          "--bin",
          "--example",
          "--test",
          "--bench",
          "--exclude",
          "--manifest-path",
          "--message-format",
          "--color");

  public Variant {
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    cargoArgs = List.copyOf(cargoArgs);
  }

  /** Parses {@code NAME=WORD ...}; a {@link MeasureInputException} names what is wrong. */
  public static Variant parse(String spec) {
    int eq = spec.indexOf('=');
    String name = (eq < 0 ? spec : spec.substring(0, eq)).trim();
    String rest = eq < 0 ? "" : spec.substring(eq + 1);
    if (!NAME.matcher(name).matches()) {
      throw bad(spec, "the name '" + name + "' must be letters, digits and _ . + - (a file name)");
    }
    Map<String, String> env = new LinkedHashMap<>();
    List<String> args = new ArrayList<>();
    Integer jobs = null;
    List<String> ws = words(spec, rest);
    for (int i = 0; i < ws.size(); i++) {
      String w = ws.get(i);
      if (w.startsWith("-")) {
        var m = JOBS.matcher(w);
        if (w.equals("-j") || w.equals("--jobs")) {
          if (i + 1 == ws.size()) {
            throw bad(spec, w + " needs a number");
          }
          jobs = jobsOf(spec, ws.get(++i));
        } else if (m.matches()) {
          jobs = jobsOf(spec, m.group(1));
        } else if (w.startsWith("--target-dir")) {
          throw bad(spec, "measure chooses the target directory (OUT/target/<variant>)");
        } else {
          args.add(w);
          if (TAKES_VALUE.contains(w)) {
            if (i + 1 == ws.size()) {
              throw bad(spec, w + " needs a value");
            }
            args.add(ws.get(++i));
          }
        }
      } else {
        int e = w.indexOf('=');
        String key = e < 0 ? w : w.substring(0, e);
        if (e < 0 || !KEY.matcher(key).matches()) {
          throw bad(
              spec, "'" + w + "' is neither KEY=VALUE nor a cargo argument starting with '-'");
        }
        if (key.equals("CARGO_TARGET_DIR")) {
          throw bad(spec, "measure chooses the target directory (OUT/target/<variant>)");
        }
        env.put(key, w.substring(e + 1));
      }
    }
    return new Variant(name, env, args, Optional.ofNullable(jobs));
  }

  private static int jobsOf(String spec, String n) {
    try {
      int j = Integer.parseInt(n);
      if (j != 0) {
        return j;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw bad(spec, "-j " + n + " is not a number of jobs");
  }

  /** The variants of {@code specs}; the first is the baseline; names must be unique. */
  public static List<Variant> parseAll(List<String> specs) {
    List<Variant> out = new ArrayList<>();
    for (String s : specs) {
      Variant v = parse(s);
      for (Variant o : out) {
        if (o.name().equals(v.name())) {
          throw new MeasureInputException("--variant: the name '" + v.name() + "' is used twice");
        }
      }
      out.add(v);
    }
    return List.copyOf(out);
  }

  /** The variant as it would be written back (for reports): {@code KEY=VALUE ... ARG ...}. */
  public String describe() {
    List<String> w = new ArrayList<>();
    env.forEach((k, v) -> w.add(k + "=" + quote(v)));
    jobs.ifPresent(j -> w.add("-j" + j));
    for (String a : cargoArgs) {
      w.add(quote(a));
    }
    return String.join(" ", w);
  }

  static String quote(String v) {
    return v.isEmpty() || v.matches("[A-Za-z0-9_.,:/=+@%-]+")
        ? v
        : "'" + v.replace("'", "'\\''") + "'";
  }

  /** Splits {@code s} into words: spaces separate, quotes group, backslash escapes. */
  static List<String> words(String spec, String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\' && i + 1 < s.length() && "\"\\".indexOf(s.charAt(i + 1)) >= 0) {
          w.append(s.charAt(++i));
        } else {
          w.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\') {
          if (i + 1 == s.length()) {
            throw bad(spec, "a backslash ends the variant");
          }
          w.append(s.charAt(++i));
        } else {
          w.append(c);
        }
      }
    }
    if (quote != 0) {
      throw bad(spec, "a " + quote + " quote is not closed");
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }

  private static MeasureInputException bad(String spec, String why) {
    return new MeasureInputException("--variant '" + spec + "': " + why);
  }
}
