/**
 * A small discrete-event simulation engine that knows nothing about Rust or cargo.
 *
 * <p>Time is a {@code long} count of nanoseconds (integer ticks, as in JaamSim), so equal times
 * are really equal and event order never depends on floating-point rounding. Events are ordered
 * by (time, priority, insertion sequence), the total order SimPy and KSL use. A {@link
 * org.cratesim.engine.Simulation} is an ordinary object with no static state, so many can run in
 * parallel threads.
 */
package org.cratesim.engine;
