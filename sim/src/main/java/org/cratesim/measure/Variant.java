package org.cratesim.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One way of running the build: environment variables set on top of the inherited environment and
 * cargo arguments added to the command. Written {@code NAME=WORD WORD ...} (or just {@code NAME}),
 * where each word is either {@code KEY=VALUE} (an environment variable) or a cargo argument, which
 * starts with {@code -} and carries its value in the same word ({@code
 * --config=profile.dev.debug=0}, {@code -j1}, {@code --jobs=1}, {@code --release}). Words are
 * separated by spaces; single or double quotes keep spaces inside a word ({@code RUSTFLAGS='-C
 * link-arg=-fuse-ld=lld'}), a backslash escapes the next character outside single quotes. A {@code
 * -jN} or {@code --jobs=N} of the variant replaces the command's {@code -j}.
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
  private static final Pattern JOBS = Pattern.compile("(?:-j|--jobs=)(-?\\d+)");

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
    for (String w : words(spec, rest)) {
      if (w.startsWith("-")) {
        var m = JOBS.matcher(w);
        if (m.matches()) {
          jobs = Integer.parseInt(m.group(1));
          if (jobs == 0) {
            throw bad(spec, "-j0 is not a number of jobs");
          }
        } else if (w.equals("-j") || w.equals("--jobs")) {
          throw bad(spec, "write the jobs in the same word: -j2 or --jobs=2");
        } else if (w.equals("--config") || w.equals("-Z") || w.equals("--profile")) {
          throw bad(spec, "write " + w + "'s value in the same word: " + w + "=VALUE");
        } else if (w.startsWith("--target-dir")) {
          throw bad(spec, "measure chooses the target directory (OUT/target/<variant>)");
        } else {
          args.add(w);
        }
      } else {
        int e = w.indexOf('=');
        String key = e < 0 ? w : w.substring(0, e);
        if (e < 0 || !KEY.matcher(key).matches()) {
          throw bad(
              spec,
              "'"
                  + w
                  + "' is neither KEY=VALUE nor a cargo argument starting with '-' (write a cargo "
                  + "argument's value in the same word: --config=profile.dev.debug=0)");
        }
        if (key.equals("CARGO_TARGET_DIR")) {
          throw bad(spec, "measure chooses the target directory (OUT/target/<variant>)");
        }
        env.put(key, w.substring(e + 1));
      }
    }
    return new Variant(name, env, args, Optional.ofNullable(jobs));
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
