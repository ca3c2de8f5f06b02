package org.cratesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  @Test
  void stream_sameSeedReplicationName_sameSequenceWhateverElseWasDrawn() {
    RandomStreams a = new RandomStreams(42, 3);
    RandomStreams b = new RandomStreams(42, 3);
    b.stream("other").nextDouble(); // drawing from another stream must not shift "noise"
    for (int i = 0; i < 100; i++) {
      assertEquals(a.stream("noise").nextLong(), b.stream("noise").nextLong());
    }
  }

  @Test
  void stream_differentReplicationOrName_differentSequence() {
    long x = new RandomStreams(42, 0).stream("noise").nextLong();
    assertNotEquals(x, new RandomStreams(42, 1).stream("noise").nextLong());
    assertNotEquals(x, new RandomStreams(42, 0).stream("noise2").nextLong());
    assertNotEquals(x, new RandomStreams(43, 0).stream("noise").nextLong());
  }
}
