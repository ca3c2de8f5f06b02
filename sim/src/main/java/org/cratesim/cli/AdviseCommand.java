package org.cratesim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.cratesim.advice.Advice;
import org.cratesim.advice.AdviceReport;
import org.cratesim.advice.Advisor;
import org.cratesim.model.Scenario;
import org.cratesim.report.ReportFormat;
import org.cratesim.scenario.ScenarioReader;
import org.cratesim.sweep.Noise;
import org.cratesim.timings.PageUnit;
import org.cratesim.timings.TimingsPage;
import org.cratesim.timings.TimingsReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim advise PAGE}: every applicable what-if on a build, ranked by saving. */
@Command(
    name = "advise",
    mixinStandardHelpOptions = true,
    description = {
      "Ranks every change that applies to a build by saving.",
      "Tries every change that applies to a build (more cores; precompiled and WASM proc "
          + "macros, the expansion cache, a shared cache; the scheduling what-ifs; profile knobs; "
          + "splitting the crate that holds the critical path longest) on its clean build and on "
          + "its edit loop, and ranks them by saving with a 95 %% interval over replications "
          + "under the noise model (same random numbers for every change). A saving whose "
          + "interval includes 0 is not significant; one smaller than run-to-run noise (from "
          + "several pages of the same build when given, else the noise model) is marked 'below "
          + "noise'."
    },
    footer = {
      "",
      "Examples:",
      "  java -jar sim/target/cratesim.jar advise scenarios/serde-like.toml -j 8,16",
      "  java -jar sim/target/cratesim.jar advise \\",
      "      sim/src/test/resources/timings/own-2core-2026/cli-clean-dev-j1-r2.html \\",
      "      --metadata sim/src/test/resources/timings/own-2core-2026/cli-metadata.json \\",
      "      --jobs 2,4"
    })
public final class AdviseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PAGE",
      description =
          "A cargo --timings page (.html or .json) or a scenario (.toml). Several pages of the"
              + " same build (repeated runs): the first is advised on, all of them give the"
              + " run-to-run noise.")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description = "With a page: cargo metadata --format-version 1 of the same workspace.")
  Path metadata;

  @Option(
      names = "--graph",
      paramLabel = "FILE",
      description = "With a page: cargo --unit-graph JSON of the same build.")
  Path graph;

  @Option(
      names = {"-j", "--jobs"},
      split = ",",
      paramLabel = "N",
      description =
          "The -j values of the 'more cores' changes (default: twice and four times the"
              + " build's).")
  List<Integer> jobs = new ArrayList<>();

  @Option(
      names = "--edit",
      paramLabel = "CRATE[:KIND]",
      description =
          "The edit of the edit loop: a crate and comment (default), body or signature (default:"
              + " a comment in the workspace member that ends the critical path); 'none' advises"
              + " on the clean build only.")
  String edit;

  @Option(
      names = "--replications",
      paramLabel = "N",
      defaultValue = "5",
      description = "Simulated builds per change and build (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads (default: the machine's cores); the output is the same on any count.")
  Integer threads;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default), json or csv.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the timelines of the baseline and of the best change.")
  Path html;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    ReportFormat f =
        Output.format(
            format,
            "--format: expected text, json or csv, got '" + format + "'",
            ReportFormat.TEXT,
            ReportFormat.JSON,
            ReportFormat.CSV);
    if (replications < 2 || replications > 10_000) {
      throw new BadInputException(
          "--replications must be between 2 and 10000, was " + replications);
    }
    int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (nThreads < 1 || nThreads > 1024) {
      throw new BadInputException("--threads must be between 1 and 1024, was " + nThreads);
    }
    for (int j : jobs) {
      if (j < 1 || j > 100_000) {
        throw new BadInputException("--jobs must be between 1 and 100000, was " + j);
      }
    }
    Output.requireWritable("-o: ", output);
    Output.requireWritable("--html: ", html);
    Path first = inputs.get(0);
    Scenario sc;
    OptionalDouble measured = OptionalDouble.empty();
    if (isPage(first)) {
      model.validate();
      TimingsPage p = TimingsReader.read(first);
      if (inputs.size() > 1) {
        SummaryStatistics s = new SummaryStatistics();
        s.addValue(p.totalSeconds());
        for (Path other : inputs.subList(1, inputs.size())) {
          if (!isPage(other)) {
            throw new BadInputException(other + ": several inputs must all be timing pages");
          }
          TimingsPage q = TimingsReader.read(other);
          sameBuild(first, p, other, q);
          s.addValue(q.totalSeconds());
        }
        measured = OptionalDouble.of(s.getStandardDeviation());
      }
      sc = model.imported(p, graph, metadata, spec.commandLine().getErr());
    } else {
      if (metadata != null || graph != null) {
        throw new BadInputException("--metadata and --graph go with a timing page, not a scenario");
      }
      if (inputs.size() > 1) {
        throw new BadInputException("several inputs must all be timing pages of one build");
      }
      sc = ScenarioReader.read(first);
    }
    List<Integer> js = new ArrayList<>(jobs);
    if (js.isEmpty()) {
      js.add(2 * sc.build().jobs());
      js.add(4 * sc.build().jobs());
    }
    String e = edit;
    if (e == null) {
      e = Advisor.defaultEdit(sc);
    } else if (e.equals("none")) {
      e = null;
    }
    Advice a;
    try {
      if (e != null) {
        // an edit of a page's build names a workspace member, as on run and compare
        Overrides.requireMembers(sc.withRebuild(sc.rebuild().withEdits(List.of(e))));
      }
      Advisor advisor = new Advisor(replications, seed, Noise.DEFAULT, measured, nThreads);
      try (Progress bar = new Progress("advise", 100)) {
        a = advisor.advise(sc, js, e, (done, total) -> bar.stepTo(100 * done / total));
      }
    } catch (IllegalArgumentException ex) {
      throw new BadInputException(ex.getMessage());
    }
    String text =
        switch (f) {
          case JSON -> AdviceReport.json(a);
          case CSV -> AdviceReport.csv(a);
          default -> AdviceReport.text(a);
        };
    String page = html == null ? null : AdviceReport.html(a);
    if (output != null) {
      Output.write("-o: ", output, text);
    }
    if (page != null) {
      Output.write("--html: ", html, page);
    }
    if (output == null) {
      Output.print(spec, text);
    }
    return 0;
  }

  private static boolean isPage(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".html") || n.endsWith(".json");
  }

  /** Pages of one build list the same units (names, versions, targets). */
  private static void sameBuild(Path a, TimingsPage p, Path b, TimingsPage q) {
    if (p.jobs() != q.jobs() || !p.profile().equals(q.profile())) {
      throw new BadInputException(
          b + " is not a page of the same build as " + a + ": -j or profile differ");
    }
    TreeSet<String> x = units(p);
    TreeSet<String> y = units(q);
    if (!x.equals(y)) {
      TreeSet<String> only = new TreeSet<>(y);
      only.removeAll(x);
      if (only.isEmpty()) {
        only = new TreeSet<>(x);
        only.removeAll(y);
      }
      throw new BadInputException(
          b + " is not a page of the same build as " + a + ": units differ (" + only.first() + ")");
    }
  }

  private static TreeSet<String> units(TimingsPage p) {
    TreeSet<String> s = new TreeSet<>();
    for (PageUnit u : p.units()) {
      s.add(u.name() + " " + u.version() + u.target() + " " + u.mode());
    }
    return s;
  }
}
