package org.cratesim.model;

/**
 * The cost cargo's {@code DependencyQueue} gives each unit; priority(n) = cost(n) + the cost of n
 * and of every unit that transitively depends on n (src/util/dependency_queue.rs).
 */
public sealed interface SchedulingPolicy
    permits SchedulingPolicy.CargoDefault,
        SchedulingPolicy.EstimatedDuration,
        SchedulingPolicy.ProcMacrosFirst {

  /** Name used in scenarios and on the command line. */
  String id();

  /**
   * cargo's behaviour: every unit costs 100 ({@code JobQueue::enqueue} passes "a fixed placeholder
   * value"), so priority is proportional to 2 + the number of transitive dependents.
   */
  record CargoDefault() implements SchedulingPolicy {
    @Override
    public String id() {
      return "cargo";
    }
  }

  /**
   * cost = the unit's estimated duration in milliseconds: the future cargo's own comment describes
   * ("could be set ... using timing data from a previous compilation", PR #8908).
   */
  record EstimatedDuration() implements SchedulingPolicy {
    @Override
    public String id() {
      return "duration";
    }
  }

  /**
   * cargo #8370's proposal: proc macros and every unit they need first (cargo's cost, plus a cost
   * that outweighs any number of dependents for those units).
   */
  record ProcMacrosFirst() implements SchedulingPolicy {
    @Override
    public String id() {
      return "proc-macros-first";
    }
  }

  static SchedulingPolicy parse(String s) {
    switch (s) {
      case "proc-macros-first":
        return new ProcMacrosFirst();
      case "cargo":
        return new CargoDefault();
      case "duration":
        return new EstimatedDuration();
      default:
        throw new IllegalArgumentException(
            "unknown scheduling policy '"
                + s
                + "' (expected cargo, duration or proc-macros-first)");
    }
  }
}
