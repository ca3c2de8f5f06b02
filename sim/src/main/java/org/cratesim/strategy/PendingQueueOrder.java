package org.cratesim.strategy;

import java.util.Optional;
import org.cratesim.model.BuildSettings;
import org.cratesim.model.PendingQueue;
import org.cratesim.model.Scenario;

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
  public Optional<String> whyNot(Scenario sc) {
    return MacroCrates.oneToken(sc);
  }

  @Override
  public BuildSettings schedule(BuildSettings b) {
    return b.withPendingQueue(order);
  }
}
