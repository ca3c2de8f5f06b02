package org.cratesim.jobserver;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The GNU make jobserver cargo creates with {@code -j N} tokens, one of which cargo keeps as its
 * implicit token (so {@code N - 1} are free at start).
 *
 * <p>Each process reads tokens through one helper thread that asks for one token at a time while it
 * has requests outstanding (the {@code jobserver} crate's {@code HelperState}); blocked readers of
 * the pipe are served in arrival order. So tokens go round-robin among processes with outstanding
 * requests: a process that still wants more after a grant goes to the back.
 */
public final class Jobserver {
  private final ArrayDeque<Client> waiters = new ArrayDeque<>();
  private final Consumer<Client> grant;
  private int free;

  /**
   * @param jobs {@code -j}
   * @param grant receives each granted token (the caller delivers it as a message)
   */
  public Jobserver(int jobs, Consumer<Client> grant) {
    this.free = jobs - 1;
    this.grant = grant;
  }

  /** A process asks for one more token ({@code Client::request_token}). */
  public void request(Client c) {
    c.outstanding++;
    if (!c.waiting) {
      c.waiting = true;
      waiters.add(c);
    }
    dispatch();
  }

  /** Tokens go back into the pipe. */
  public void release(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("release " + n);
    }
    free += n;
    dispatch();
  }

  /** The process exits: its outstanding requests vanish. */
  public void forget(Client c) {
    c.outstanding = 0;
    if (c.waiting) {
      waiters.remove(c);
      c.waiting = false;
    }
  }

  private void dispatch() {
    while (free > 0 && !waiters.isEmpty()) {
      Client c = waiters.poll();
      c.waiting = false;
      free--;
      c.outstanding--;
      if (c.outstanding > 0) {
        c.waiting = true;
        waiters.add(c);
      }
      grant.accept(c);
    }
  }

  /** cargo's own token reader. */
  public static final class Cargo extends Client {}

  /** A process that reads tokens: cargo or one rustc. */
  public abstract static class Client {
    private int outstanding;
    private boolean waiting;
  }
}
