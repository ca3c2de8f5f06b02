package org.cratesim.cargo;

/**
 * Timed events of the simulated build. Messages that take no time (cargo's {@code Message::Token})
 * are delivered in order right after the event that caused them.
 */
sealed interface BuildEvent permits BuildEvent.CargoStart, BuildEvent.Wake {

  /** Cargo's start-up is over: the drain loop begins. */
  record CargoStart() implements BuildEvent {}

  /** A thread's work item finished (the shared processor's wake-up). */
  record Wake() implements BuildEvent {}
}
