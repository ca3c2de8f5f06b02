package org.cratesim.sweep;

import java.io.Serializable;

/**
 * One run of a sweep: a design point and a replication.
 *
 * @param point the design point's index in {@link SweepSpec#points()}
 * @param replication 0-based
 */
public record SweepTask(int point, int replication) implements Serializable {}
