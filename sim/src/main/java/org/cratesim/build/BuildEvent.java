package org.cratesim.build;

/** Messages of the simulated build (cargo's {@code Message} and rustc's coordinator messages). */
sealed interface BuildEvent permits BuildEvent.CargoStart, BuildEvent.Wake, BuildEvent.Token {

  /** Cargo's start-up is over: the drain loop begins. */
  record CargoStart() implements BuildEvent {}

  /** A thread's work item finished (the shared processor's wake-up). */
  record Wake() implements BuildEvent {}

  /** {@code Message::Token}: a jobserver token reached a process. */
  record Token(Jobserver.Client client) implements BuildEvent {}
}
