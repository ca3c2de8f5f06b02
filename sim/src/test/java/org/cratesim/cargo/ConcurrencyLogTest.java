package org.cratesim.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrencyLogTest {

  @Test
  void add_skipsRepeatsAndReplacesASampleAtTheSameTime() {
    ConcurrencyLog log = new ConcurrencyLog();
    log.add(0, 0, 3, 1, 0);
    log.add(5, 0, 3, 1, 0); // nothing changed: no sample
    log.add(5, 1, 2, 1, 1);
    log.add(5, 2, 1, 1, 2); // same time: replaces the previous one
    log.add(9, 1, 1, 1, 1);
    assertEquals(
        List.of(
            new ConcurrencySample(0, 0, 3, 1, 0),
            new ConcurrencySample(5, 2, 1, 1, 2),
            new ConcurrencySample(9, 1, 1, 1, 1)),
        log.asList());
  }

  @Test
  void asList_growsPastTheInitialCapacityAndIsReadOnly() {
    ConcurrencyLog log = new ConcurrencyLog();
    for (int i = 0; i < 1_000; i++) {
      log.add(i, i, 0, 0, i % 7);
    }
    List<ConcurrencySample> l = log.asList();
    assertEquals(1_000, l.size());
    assertEquals(new ConcurrencySample(999, 999, 0, 0, 999 % 7), l.get(999));
    assertThrows(UnsupportedOperationException.class, () -> l.add(l.get(0)));
    assertThrows(IndexOutOfBoundsException.class, () -> l.get(1_000));
    assertEquals(List.copyOf(l), l);
  }
}
