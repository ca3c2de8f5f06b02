package org.cratesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cratesim.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's {@code --help}: a one-line summary that is a whole sentence, no word or path
 * broken across lines, and examples that run as printed. Each example runs in-process from the
 * repository's top (paths that exist there are given absolute; what the examples write goes to a
 * temporary folder, where a later example of the same help finds it). An example that needs
 * ../shared is skipped, with a message, when ../shared is absent; {@code measure} (real cargo) and
 * {@code calibrate} (half a minute on all cores) are only parsed.
 */
class HelpExamplesTest {
  /** Commands whose examples are parsed, not run. */
  static final Set<String> PARSE_ONLY = Set.of("measure", "calibrate");

  /** Options whose value is a file or folder the command writes. */
  static final Set<String> OUTPUT_OPTIONS = Set.of("-o", "--output", "--html", "--rows", "--write");

  @TempDir Path tmp;

  static Stream<String> commands() {
    return Stream.concat(
        Stream.of(""),
        CratesimCommand.commandLine().getSubcommands().keySet().stream()
            .filter(n -> !n.equals("help")));
  }

  static CommandLine command(String name) {
    CommandLine top = CratesimCommand.commandLine();
    return name.isEmpty() ? top : top.getSubcommands().get(name);
  }

  static String help(String name) {
    StringWriter w = new StringWriter();
    command(name).usage(new PrintWriter(w), CommandLine.Help.Ansi.OFF);
    return w.toString();
  }

  @Test
  void everySummary_isOneWholeSentenceOnOneLine() {
    String top = help("");
    String list = top.substring(top.indexOf("Commands:"), top.indexOf("\nExit codes"));
    for (Map.Entry<String, CommandLine> e :
        CratesimCommand.commandLine().getSubcommands().entrySet()) {
      String summary = HelpText.summary(e.getValue().getCommandSpec());
      assertTrue(summary.endsWith("."), e.getKey() + ": " + summary);
      assertTrue(
          list.contains("  " + e.getKey() + " ".repeat(22 - e.getKey().length()) + summary + "\n"),
          e.getKey() + " not on one line:\n" + list);
    }
  }

  /** Every word of the help's prose (descriptions, footers, option texts) appears whole. */
  @ParameterizedTest(name = "cratesim {0}")
  @MethodSource("commands")
  void help_breaksLinesAtSpacesOnly(String name) {
    String text = help(name);
    Set<String> rendered = new HashSet<>(List.of(text.split("\\s+")));
    CommandSpec spec = command(name).getCommandSpec();
    List<String> prose = new ArrayList<>();
    prose.addAll(List.of(spec.usageMessage().description()));
    prose.addAll(List.of(spec.usageMessage().footer()));
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        prose.addAll(List.of(o.renderedDescription()));
      }
    }
    for (String p : prose) {
      for (String word : HelpText.format(p).split("\\s+")) {
        if (!word.isEmpty()) {
          assertTrue(rendered.contains(word), name + ": '" + word + "' broken in\n" + text);
        }
      }
    }
    for (String line : text.split("\n")) {
      assertTrue(
          line.length() <= HelpText.WIDTH || line.startsWith(" ") && line.strip().length() > 0,
          name + ": prose line longer than " + HelpText.WIDTH + ": " + line);
    }
  }

  @ParameterizedTest(name = "cratesim {0}")
  @MethodSource("commands")
  void everyExample_runsAsPrinted(String name) throws Exception {
    List<List<String>> examples = examples(help(name));
    assertFalse(examples.isEmpty(), name + " --help has no example");
    if (!name.isEmpty()) {
      assertTrue(
          examples.stream().anyMatch(e -> e.get(0).equals(name)),
          name + " --help has no example of " + name + ": " + examples);
    }
    Path repo = TestPaths.repo();
    for (List<String> ex : examples) {
      List<String> args = new ArrayList<>();
      boolean output = false;
      String skip = null;
      for (String a : ex) {
        String value = a.startsWith("--") && a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
        String prefix = a.substring(0, a.length() - value.length());
        String v = value;
        if (output) {
          Path o = tmp.resolve(value);
          Files.createDirectories(o.getParent());
          v = o.toString();
        } else if (!value.startsWith("-") && !value.isEmpty()) {
          if (Files.exists(tmp.resolve(value))) {
            v = tmp.resolve(value).toString();
          } else if (Files.exists(repo.resolve(value))) {
            v = repo.resolve(value).normalize().toString();
          } else if (value.startsWith("../shared")) {
            skip = value;
          }
        }
        output = OUTPUT_OPTIONS.contains(a);
        args.add(prefix + v);
      }
      CommandLine cl = CratesimCommand.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      if (skip != null || PARSE_ONLY.contains(ex.get(0))) {
        cl.parseArgs(args.toArray(String[]::new));
        System.out.println(
            "help example of '"
                + name
                + "' parsed, not run: "
                + String.join(" ", ex)
                + (skip != null ? " (" + skip + " is absent)" : " (too slow or needs cargo)"));
        continue;
      }
      int code = cl.execute(args.toArray(String[]::new));
      assertEquals(0, code, String.join(" ", ex) + "\n" + err);
    }
  }

  /**
   * The examples of a help text: indented lines starting with {@code cratesim } or {@code java -jar
   * sim/target/cratesim.jar }, continued by lines ending in a backslash; the words after the
   * program, with shell quotes removed.
   */
  static List<List<String>> examples(String help) {
    List<List<String>> out = new ArrayList<>();
    String[] lines = help.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      String rest = null;
      for (String prog : List.of("cratesim ", "java -jar sim/target/cratesim.jar ")) {
        if (lines[i].startsWith(" ") && l.startsWith(prog)) {
          rest = l.substring(prog.length());
        }
      }
      if (rest == null) {
        continue;
      }
      StringBuilder cmd = new StringBuilder();
      while (rest.endsWith("\\") && i + 1 < lines.length) {
        cmd.append(rest, 0, rest.length() - 1).append(' ');
        rest = lines[++i].strip();
      }
      cmd.append(rest);
      out.add(words(cmd.toString()));
    }
    return out;
  }

  /** Shell words: spaces separate, single and double quotes group. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : s.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (c == ' ') {
        if (any || w.length() > 0) {
          out.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
      }
    }
    if (any || w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }
}
