package org.cratesim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.cratesim.spark.SparkExecutor;
import org.cratesim.sweep.LocalExecutor;
import org.cratesim.sweep.Shard;
import org.cratesim.sweep.ShardMerge;
import org.cratesim.sweep.SweepFile;
import org.cratesim.sweep.SweepRecipe;
import org.cratesim.sweep.SweepRunner;
import org.cratesim.sweep.SweepSpec;
import org.cratesim.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cratesim sweep}: a grid of design points × replications, resumable. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    subcommands = SweepCommand.Merge.class,
    description = {
      "Runs a grid of design points with replications.",
      "Runs every combination of the varied parameters (first one slowest), each replicated "
          + "with run-to-run noise, in parallel; writes OUT/results.csv (one row per point and "
          + "replication), OUT/summary.csv (n, mean, sd, 95 %% CI of the wall time) and "
          + "OUT/sweep.txt. Identical files on any number of threads, on Spark (--executor "
          + "spark) or as shards merged (--shard I/N, then sweep merge); --resume finishes a "
          + "sweep that was killed."
    },
    footer = {
      "",
      "Examples:",
      "  cratesim sweep scenarios/serde-like.toml --vary jobs=1,2,4,8 \\",
      "      --vary strategy=none,shared-cache --replications 30 -o out/",
      "  cratesim sweep scenarios/sweeps/serde-cores-strategies.toml -o out2/",
      "Parameters: jobs, mode, build_kind, strategy (none, NAME, a+b, NAME:key=value), "
          + "a profile key (codegen_units, lto, opt_level, linker, ...) or any TABLE.KEY "
          + "of run --set.",
      "",
      "On Spark (Spark 4.1 on the class path: spark-submit, or java -cp with Spark's jars and "
          + "the --add-opens flags listed in the README):",
      "  spark-submit --master 'local[2]' --class org.cratesim.cli.Main sim/target/cratesim.jar "
          + "sweep scenarios/sweeps/serde-cores-strategies.toml --executor spark -o out/spark",
      "",
      "As shards: shard I of N runs every N-th run; merge the N folders when all are done.",
      "  cratesim sweep scenarios/sweeps/serde-cores-strategies.toml --replications 4 \\",
      "      --shard 1/2 -o out/shard-1",
      "  cratesim sweep scenarios/sweeps/serde-cores-strategies.toml --replications 4 \\",
      "      --shard 2/2 -o out/shard-2",
      "  cratesim sweep merge out/shard-1 out/shard-2 -o out/all",
      "",
      "As a job array (the README has both in full):",
      "  Slurm (sbatch --array=1-8 job.sh), job.sh:",
      "    java -jar cratesim.jar sweep sweep.toml --shard $SLURM_ARRAY_TASK_ID/8 "
          + "-o out/shard-$SLURM_ARRAY_TASK_ID",
      "  Kubernetes Indexed Job (completionMode: Indexed, completions: 8), the container's "
          + "command:",
      "    sh -c 'java -jar cratesim.jar sweep sweep.toml "
          + "--shard $((JOB_COMPLETION_INDEX+1))/8 -o /out/shard-$JOB_COMPLETION_INDEX'",
      "  then: cratesim sweep merge out/shard-* -o out/all"
    })
public final class SweepCommand implements Callable<Integer> {
  /** Which engine runs the sweep's runs. */
  enum Executor {
    local,
    spark
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description =
          "A scenario, or a sweep file (scenario = \"...\", [vary], replications, "
              + "seed, [noise]).")
  Path file;

  @Option(
      names = "--vary",
      paramLabel = "KEY=V1,V2,...",
      description = "A parameter and its values (repeatable).")
  List<String> vary = new ArrayList<>();

  // required, but checked in call(): picocli would ask the parent for it before `sweep merge`
  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Directory for the results (required).")
  Path out;

  @Option(
      names = "--replications",
      paramLabel = "N",
      description = "Replications per point (default: the sweep file's, else 10).")
  Integer replications;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the file's, else 1).")
  Long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads of the local executor (default: all cores).")
  Integer threads;

  @Option(names = "--resume", description = "Finish the sweep already in OUT.")
  boolean resume;

  @Option(
      names = "--no-noise",
      description = "No run-to-run variability (every replication " + "is the same build).")
  boolean noNoise;

  @Option(
      names = "--independent",
      description =
          "Independent random numbers per design " + "point instead of common random numbers.")
  boolean independent;

  @Option(
      names = "--executor",
      paramLabel = "local|spark",
      description =
          "local: threads of this JVM (default); spark: the runs as the tasks of a Spark job "
              + "(needs Spark on the class path).")
  Executor executor = Executor.local;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master (local[N], spark://HOST:7077, yarn, k8s://...; default: spark-submit's "
              + "--master, else local[*]).")
  String master;

  @Option(
      names = "--task-size",
      paramLabel = "N",
      description = "Runs per Spark task (default: " + DEFAULT_TASK_SIZE + ").")
  Integer taskSize;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Run only shard I of N (every N-th run, I from 1); merge the N folders with "
              + "sweep merge.")
  String shard;

  /** Runs per Spark task unless --task-size says otherwise. */
  static final int DEFAULT_TASK_SIZE = 16;

  @Override
  public Integer call() throws Exception {
    if (file == null) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
    }
    if (out == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--output=DIR'");
    }
    SweepSpec s;
    try {
      s =
          SweepFile.read(
              file, new SweepFile.Settings(vary, replications, seed, noNoise, independent));
    } catch (SweepFile.BadSweepException e) {
      throw new BadInputException(e.getMessage());
    }
    Shard sh;
    try {
      sh = shard == null ? null : Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    int total =
        (int)
            (sh == null
                ? (long) s.points().size() * s.replications()
                : sh.size(s.points().size(), s.replications()));
    SweepRunner.Outcome o;
    try (Progress bar = new Progress("sweep", total)) {
      if (executor == Executor.spark) {
        if (threads != null) {
          throw new BadInputException(
              "--threads is for --executor local: Spark's cores come from --master (local[N])");
        }
        int size = taskSize == null ? DEFAULT_TASK_SIZE : taskSize;
        if (size < 1) {
          throw new BadInputException("--task-size must be >= 1");
        }
        if (!sparkOnClassPath()) {
          throw new EnvironmentException(
              "Spark is not on the class path: run the jar with spark-submit --class "
                  + "org.cratesim.cli.Main cratesim.jar sweep ..., or java -cp "
                  + "\"$SPARK_HOME/jars/*:cratesim.jar\" org.cratesim.cli.Main with the JVM flags of "
                  + "the README");
        }
        o = OnSpark.run(s, out, resume, sh, master, size, bar::stepTo);
      } else {
        if (master != null || taskSize != null) {
          throw new BadInputException(
              (master != null ? "--master" : "--task-size") + " needs --executor spark");
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
          throw new BadInputException("--threads must be between 1 and 1024, was " + n);
        }
        o = SweepRunner.run(s, out, resume, sh, new LocalExecutor(n), bar::stepTo);
      }
    } catch (SweepRunner.SweepStateException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    if (sh == null) {
      Output.print(spec, SweepSummary.text(s, o, out));
    } else {
      Output.print(
          spec,
          String.format(
              Locale.ROOT,
              "shard %s of %d design points x %d replications: %d runs (%d kept from before)%n"
                  + "Wrote %s; when all %d shards are done: cratesim sweep merge DIR... -o OUT%n",
              sh,
              s.points().size(),
              s.replications(),
              o.ran() + o.kept(),
              o.kept(),
              out.resolve("results.csv"),
              sh.count()));
    }
    return 0;
  }

  private static boolean sparkOnClassPath() {
    try {
      Class.forName(
          "org.apache.spark.sql.SparkSession", false, SweepCommand.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The only class that names Spark's executor: loaded when --executor spark is chosen. */
  private static final class OnSpark {
    private OnSpark() {}

    static SweepRunner.Outcome run(
        SweepSpec s,
        Path out,
        boolean resume,
        Shard shard,
        String master,
        int taskSize,
        IntConsumer progress)
        throws Exception {
      SweepRecipe.of(s); // a scenario that cannot travel fails before Spark starts
      try (SparkExecutor ex = SparkExecutor.start(master, taskSize)) {
        return SweepRunner.run(s, out, resume, shard, ex, progress);
      }
    }
  }

  /** {@code cratesim sweep merge}: shard folders into the files of one run. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Combines the shards of a sweep into the files of one run.",
        "Combines the folders of the N shards of one sweep (sweep FILE --shard I/N) into "
            + "OUT/results.csv, OUT/summary.csv and OUT/sweep.txt, byte for byte what one run "
            + "of the whole sweep writes. Refuses a shard of another sweep, a missing, "
            + "duplicated or unfinished shard (nothing written)."
      },
      footer = {
        "",
        "Example:",
        "  for i in 1 2 3; do cratesim sweep scenarios/sweeps/serde-cores-strategies.toml "
            + "--shard $i/3 -o out/shard-$i; done",
        "  cratesim sweep merge out/shard-1 out/shard-2 out/shard-3 -o out/all"
      })
  static final class Merge implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shards' folders.")
    List<Path> dirs = new ArrayList<>();

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "OUT",
        description = "Directory for the merged results.")
    Path out;

    @Override
    public Integer call() throws Exception {
      ShardMerge.Merged m;
      try {
        m = ShardMerge.merge(dirs, out);
      } catch (ShardMerge.BadShardsException e) {
        throw new BadInputException(e.getMessage());
      }
      Output.print(
          spec,
          String.format(
              Locale.ROOT,
              "%d shards of %d design points x %d replications: %d runs%nWrote %s, %s%n",
              m.shards(),
              m.points(),
              m.replications(),
              m.runs(),
              out.resolve("results.csv"),
              out.resolve("summary.csv")));
      return 0;
    }
  }
}
