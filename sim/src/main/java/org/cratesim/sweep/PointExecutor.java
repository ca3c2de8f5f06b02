package org.cratesim.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * What runs a sweep's tasks: the only piece to replace to run sweeps elsewhere (a distributed
 * engine). It computes {@link SweepWork#run} of every task, in any order and on any number of
 * workers (in other JVMs through {@link SweepWork#recipe()}), and hands each result to {@code done}
 * (called from one thread at a time) as soon as it is ready; it returns when every task is done, or
 * throws the first failure.
 */
public interface PointExecutor {
  void execute(List<SweepTask> tasks, SweepWork work, Consumer<SweepRow> done)
      throws InterruptedException;
}
