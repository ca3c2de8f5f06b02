package org.cratesim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How {@code --help} is laid out: picocli's sections, wrapped at spaces only. picocli's own
 * wrapping follows {@link java.text.BreakIterator}, which breaks inside paths and keys ({@code
 * calibration.⏎toml}, {@code ..⏎/shared}, {@code costs.⏎inline_share}), so a pasted example fails.
 * Here a description element is a paragraph, wrapped at {@link #WIDTH}; a line that starts with a
 * space (an example, a table) is printed as written, never wrapped; a word longer than the line
 * stays whole. The command list shows each command's first description element, its one-line
 * summary (a whole sentence).
 */
final class HelpText {
  private HelpText() {}

  /** Columns of the wrapped prose. */
  static final int WIDTH = 80;

  /** The column option descriptions start at (at most). */
  static final int DESCRIPTION_COLUMN = 30;

  /** Installs the layout on {@code cl} and every subcommand. */
  static void install(CommandLine cl) {
    Map<String, CommandLine.IHelpSectionRenderer> m = cl.getHelpSectionMap();
    m.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpText::description);
    m.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, HelpText::footer);
    m.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpText::parameters);
    m.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpText::options);
    m.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpText::commands);
    cl.setHelpSectionMap(m);
    cl.setUsageHelpWidth(WIDTH);
    for (CommandLine sub : cl.getSubcommands().values()) {
      install(sub);
    }
  }

  /** The one-line summary of a command: its first description element, formatted. */
  static String summary(CommandSpec spec) {
    String[] h = spec.usageMessage().header();
    if (h.length > 0) {
      return format(h[0]);
    }
    String[] d = spec.usageMessage().description();
    return d.length == 0 ? "" : format(d[0]);
  }

  private static String description(Help help) {
    StringBuilder sb = new StringBuilder();
    String[] d = help.commandSpec().usageMessage().description();
    boolean summary = d.length > 1 && help.commandSpec().parent() != null;
    for (int i = 0; i < d.length; i++) {
      paragraph(sb, format(d[i]), 0, 0, WIDTH);
      if (i == 0 && summary) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String footer(Help help) {
    StringBuilder sb = new StringBuilder();
    for (String p : help.commandSpec().usageMessage().footer()) {
      paragraph(sb, format(p), 0, 0, WIDTH);
    }
    return sb.toString();
  }

  private static String parameters(Help help) {
    StringBuilder sb = new StringBuilder();
    List<PositionalParamSpec> ps = help.commandSpec().positionalParameters();
    List<String> names = new ArrayList<>();
    for (PositionalParamSpec p : ps) {
      names.add(p.hidden() ? null : "      " + p.paramLabel());
    }
    rows(sb, names, ps, column(help));
    return sb.toString();
  }

  private static String options(Help help) {
    List<OptionSpec> os = new ArrayList<>(help.commandSpec().options());
    os.removeIf(OptionSpec::hidden);
    os.sort(help.createDefaultOptionSort());
    List<String> names = new ArrayList<>();
    for (OptionSpec o : os) {
      names.add(optionNames(o));
    }
    StringBuilder sb = new StringBuilder();
    rows(sb, names, new ArrayList<>(os), column(help));
    return sb.toString();
  }

  private static String commands(Help help) {
    Map<String, Help> subs = help.subcommands();
    if (subs.isEmpty()) {
      return "";
    }
    int col = 2 + subs.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Help> e : subs.entrySet()) {
      StringBuilder line = new StringBuilder("  ").append(e.getKey());
      pad(line, col);
      sb.append(line);
      paragraph(sb, summary(e.getValue().commandSpec()), col, col + 2, WIDTH);
    }
    return sb.toString();
  }

  /** "-o, --output=FILE" with picocli's indentation: short names first, then long names. */
  private static String optionNames(OptionSpec o) {
    String label = o.arity().max() > 0 ? "=" + o.paramLabel() : "";
    String shortName = o.shortestName().length() == 2 ? o.shortestName() : null;
    List<String> longNames = new ArrayList<>();
    for (String n : o.names()) {
      if (!n.equals(shortName)) {
        longNames.add(n);
      }
    }
    StringBuilder s = new StringBuilder("  ");
    if (shortName != null) {
      s.append(shortName).append(longNames.isEmpty() ? "" : ", ");
    } else {
      s.append("    ");
    }
    s.append(String.join(", ", longNames));
    return s.append(label).toString();
  }

  /** One column for the parameters and the options of a command. */
  private static int column(Help help) {
    List<String> names = new ArrayList<>();
    for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
      names.add("      " + p.paramLabel());
    }
    for (OptionSpec o : help.commandSpec().options()) {
      if (!o.hidden()) {
        names.add(optionNames(o));
      }
    }
    int longest = 0;
    for (String n : names) {
      if (n != null && n.length() + 2 <= DESCRIPTION_COLUMN) {
        longest = Math.max(longest, n.length() + 2);
      }
    }
    return Math.max(longest, 8);
  }

  private static void rows(
      StringBuilder sb, List<String> names, List<? extends ArgSpec> args, int col) {
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n == null) {
        continue;
      }
      String[] d = args.get(i).renderedDescription();
      if (d.length == 0) {
        sb.append(n).append('\n');
        continue;
      }
      StringBuilder line = new StringBuilder(n);
      if (n.length() + 1 > col) {
        sb.append(n).append('\n');
        line.setLength(0);
      }
      pad(line, col);
      sb.append(line);
      for (int k = 0; k < d.length; k++) {
        if (k > 0) {
          sb.append(" ".repeat(col));
        }
        paragraph(sb, format(d[k]), col, col + 2, WIDTH);
      }
    }
  }

  /**
   * Appends {@code text} wrapped at spaces: the first line continues what {@code sb} holds (which
   * ends at column {@code first}), the next lines are indented by {@code next}. Lines of the text
   * that start with a space are printed as written.
   */
  static void paragraph(StringBuilder sb, String text, int first, int next, int width) {
    String[] lines = text.split("\n", -1);
    boolean start = true;
    for (String l : lines) {
      if (!start) {
        sb.append(" ".repeat(next));
      }
      if (l.isEmpty() || l.startsWith(" ")) {
        sb.append(l);
        trimEnd(sb);
        sb.append('\n');
        start = false;
        continue;
      }
      int col = start ? first : next;
      int at = col;
      boolean lineStart = true;
      for (String w : l.split(" +")) {
        if (w.isEmpty()) {
          continue;
        }
        if (!lineStart && at + 1 + w.length() > width) {
          sb.append('\n').append(" ".repeat(next));
          at = next;
          lineStart = true;
        }
        if (!lineStart) {
          sb.append(' ');
          at++;
        }
        sb.append(w);
        at += w.length();
        lineStart = false;
      }
      sb.append('\n');
      start = false;
    }
  }

  private static void pad(StringBuilder line, int col) {
    while (line.length() < col) {
      line.append(' ');
    }
  }

  private static void trimEnd(StringBuilder sb) {
    int n = sb.length();
    while (n > 0 && sb.charAt(n - 1) == ' ') {
      n--;
    }
    sb.setLength(n);
  }

  /** picocli's formatting of help text: {@code %n} a line break, {@code %%} a percent sign. */
  static String format(String s) {
    return String.format(Locale.ROOT, s).replace("\r\n", "\n");
  }
}
