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

  @Test
  void normal_prefixHashThenSuffix_equalsWholeKey() {
    RandomStreams rs = new RandomStreams(42, 7);
    for (String[] k :
        new String[][] {
          {"serde 1.0.0/debug/", "codegen"},
          {"", "build"},
          {"crate-é/", "frontend"},
          {"a", "ü€😀"},
          {"😀/", ""}
        }) {
      assertEquals(rs.normal(k[0] + k[1]), rs.normal(rs.keyHash(k[0]), k[1]), k[0] + k[1]);
    }
    // values drawn before keys could be hashed in two parts: the draws must not drift
    assertEquals(-0.2878431397149584, rs.normal("x"));
    assertEquals(-1.0490844388049576, rs.normal(rs.keyHash("crate-é/"), "frontend"));
    assertNotEquals(rs.normal("crate-é"), rs.normal("crate-e"));
  }
}
