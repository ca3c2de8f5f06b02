package org.cratesim.sweep;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Runs tasks on a fixed pool of threads of this JVM. */
public final class LocalExecutor implements PointExecutor {
  private final int threads;

  public LocalExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    this.threads = threads;
  }

  @Override
  public void execute(List<SweepTask> tasks, SweepWork work, Consumer<SweepRow> done)
      throws InterruptedException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "sweep");
              t.setDaemon(true);
              return t;
            });
    try {
      ExecutorCompletionService<SweepRow> cs = new ExecutorCompletionService<>(pool);
      for (SweepTask t : tasks) {
        cs.submit(() -> work.run(t));
      }
      for (int i = 0; i < tasks.size(); i++) {
        try {
          done.accept(cs.take().get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException) {
            throw (RuntimeException) c;
          }
          throw new IllegalStateException(c);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
