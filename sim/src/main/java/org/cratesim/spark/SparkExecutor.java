package org.cratesim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.cratesim.sweep.PointExecutor;
import org.cratesim.sweep.SweepRecipe;
import org.cratesim.sweep.SweepRow;
import org.cratesim.sweep.SweepTask;
import org.cratesim.sweep.SweepWork;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep's (point, replication) runs as the tasks of one Spark job: the sweep travels to the
 * executors once as a broadcast {@link SweepRecipe} (each executor JVM rebuilds the design points'
 * graphs once), every Spark task computes {@code taskSize} runs with {@link SweepWork#run}, and
 * each task's rows come back to the driver as soon as that task finishes, where the sweep writes
 * them (results.csv grows as the job runs, so a killed driver resumes with {@code --resume}). A row
 * depends on (seed, point, replication) alone: a failed and retried, or speculative, attempt
 * computes the same rows, and Spark keeps one successful attempt per task.
 */
public final class SparkExecutor implements PointExecutor, AutoCloseable {
  /** Runs before each row a task computes (tests make an attempt fail with it). */
  public interface TaskHook extends Serializable {
    void beforeRow(int partition, int attempt, int row);
  }

  private static final TaskHook NONE = (p, a, r) -> {};

  /** Spark's logging on a local master when none is configured: warnings only. */
  static final String LOCAL_LOGGING = "org/cratesim/spark/log4j2-local.properties";

  private final SparkSession session;
  private final boolean owned;
  private final int taskSize;
  private final TaskHook hook;

  /**
   * An executor on a session of its own (unless one runs in this JVM already), stopped by {@link
   * #close()}: on {@code master} ({@code local[*]}, {@code spark://host:7077}, {@code yarn}, {@code
   * k8s://...}), or on the one {@code spark-submit} configured ({@code spark.master}) when {@code
   * master} is null, else {@code local[*]}. A local master binds the driver to 127.0.0.1, runs
   * without the web UI and, unless a log4j2 configuration is given, logs warnings only.
   */
  public static SparkExecutor start(String master, int taskSize) {
    String m = master != null ? master : System.getProperty("spark.master", "local[*]");
    SparkSession.Builder b = SparkSession.builder().appName("cratesim sweep").master(m);
    if (m.startsWith("local")) {
      if (System.getProperty("log4j2.configurationFile") == null
          && System.getProperty("log4j.configurationFile") == null) {
        // Spark's default logging prints every INFO line; a local run shows warnings only
        System.setProperty("log4j2.configurationFile", "classpath:" + LOCAL_LOGGING);
      }
      b.config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    // a session already running in this JVM is reused, and left running
    boolean running = SparkSession.getDefaultSession().isDefined();
    return new SparkExecutor(b.getOrCreate(), !running, taskSize, NONE);
  }

  /** An executor on an existing session (left running by {@link #close()}). */
  public SparkExecutor(SparkSession session, int taskSize, TaskHook hook) {
    this(session, false, taskSize, hook);
  }

  private SparkExecutor(SparkSession session, boolean owned, int taskSize, TaskHook hook) {
    if (taskSize < 1) {
      throw new IllegalArgumentException("--task-size must be >= 1");
    }
    this.session = session;
    this.owned = owned;
    this.taskSize = taskSize;
    this.hook = hook;
  }

  /** The number of Spark tasks {@code runs} runs make. */
  public int tasksFor(int runs) {
    return (runs + taskSize - 1) / taskSize;
  }

  /** The master the session runs on. */
  public String master() {
    return session.sparkContext().master();
  }

  @Override
  public void execute(List<SweepTask> tasks, SweepWork work, Consumer<SweepRow> done) {
    if (tasks.isEmpty()) {
      return;
    }
    SparkContext sc = session.sparkContext();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
    Broadcast<SweepRecipe> recipe = jsc.broadcast(work.recipe());
    try {
      JavaRDD<SweepRow> rows =
          jsc.parallelize(new ArrayList<>(tasks), tasksFor(tasks.size()))
              .mapPartitions(new RunRows(recipe, hook));
      ClassTag<SweepRow[]> tag = ClassTag$.MODULE$.apply(SweepRow[].class);
      sc.runJob(rows.rdd(), new ToArray(), new Deliver(done), tag);
    } catch (Exception e) { // runJob throws SparkException, a checked exception Java does not see
      throw unwrap(e);
    } finally {
      recipe.destroy();
    }
  }

  /**
   * The failure as the local executor reports it: the exception a task (after its last attempt) or
   * the driver's writer threw, when Spark passes it on; else Spark's message, one line.
   */
  private static RuntimeException unwrap(Exception e) {
    Throwable c = e;
    while (c.getCause() != null && c.getClass().getName().startsWith("org.apache.spark")) {
      c = c.getCause();
    }
    if (c instanceof RuntimeException r && !r.getClass().getName().startsWith("org.apache")) {
      return r;
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = msg.indexOf('\n');
    return new IllegalStateException(
        "the Spark job failed: " + (nl < 0 ? msg : msg.substring(0, nl)), e);
  }

  @Override
  public void close() {
    if (owned) {
      session.stop();
    }
  }

  /** A Spark task: its runs, computed in the executor's JVM. */
  private static final class RunRows implements FlatMapFunction<Iterator<SweepTask>, SweepRow> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<SweepRecipe> recipe;
    private final TaskHook hook;

    RunRows(Broadcast<SweepRecipe> recipe, TaskHook hook) {
      this.recipe = recipe;
      this.hook = hook;
    }

    @Override
    public Iterator<SweepRow> call(Iterator<SweepTask> tasks) {
      TaskContext ctx = TaskContext.get();
      SweepWork work = recipe.value().work();
      List<SweepRow> out = new ArrayList<>();
      while (tasks.hasNext()) {
        hook.beforeRow(ctx.partitionId(), ctx.attemptNumber(), out.size());
        out.add(work.run(tasks.next()));
      }
      return out.iterator();
    }
  }

  /** A task's rows as one result sent to the driver. */
  private static final class ToArray
      extends AbstractFunction1<scala.collection.Iterator<SweepRow>, SweepRow[]>
      implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public SweepRow[] apply(scala.collection.Iterator<SweepRow> it) {
      List<SweepRow> rows = new ArrayList<>();
      CollectionConverters.asJava(it).forEachRemaining(rows::add);
      return rows.toArray(new SweepRow[0]);
    }
  }

  /** On the driver, one task's result at a time: each row to the sweep's writer. */
  private static final class Deliver extends AbstractFunction2<Object, SweepRow[], BoxedUnit> {
    private final Consumer<SweepRow> done;

    Deliver(Consumer<SweepRow> done) {
      this.done = done;
    }

    @Override
    public BoxedUnit apply(Object partition, SweepRow[] rows) {
      for (SweepRow r : rows) {
        done.accept(r);
      }
      return BoxedUnit.UNIT;
    }
  }
}
