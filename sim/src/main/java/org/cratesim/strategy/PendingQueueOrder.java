package org.cratesim.strategy;

import org.cratesim.model.BuildSettings;
import org.cratesim.model.PendingQueue;

/**
 * The order in which cargo starts ready units: the oldest pending unit (cargo up to 1.64, {@code
 * pending_queue.remove(0)}) or the highest priority (cargo 1.65, PR #11032). A build follows the
 * rule of the cargo that wrote its page; this strategy switches it.
 *
 * @param order the rule to apply
 */
public record PendingQueueOrder(PendingQueue order) implements BuildStrategy {
  public static final String ID = "pending-queue";

  @Override
  public BuildSettings schedule(BuildSettings b) {
    return b.withPendingQueue(order);
  }
}
