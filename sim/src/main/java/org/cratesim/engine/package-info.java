/**
 * A small discrete-event simulation engine that knows nothing about Rust or cargo.
 *
 * <p>Time is a {@code long} count of nanoseconds (integer ticks, as in JaamSim), so equal times are
 * really equal and event order never depends on floating-point rounding. Events are ordered by
 * (time, priority, insertion sequence), the total order SimPy and KSL use. A {@link
 * org.cratesim.engine.Simulation} is an ordinary object with no static state, so many can run in
 * parallel threads.
 *
 * <p>Speed: the future-event list ({@link org.cratesim.engine.EventQueue}) and the running tasks of
 * a {@link org.cratesim.engine.SharedProcessor} live in primitive arrays (no object per event or
 * task); an event's handle is its slot and the slot's generation, cancellation is lazy, and the top
 * is removed bottom-up with a branch-free choice of child. A shared processor reschedules its
 * single wake-up once per event, before the loop takes the next one ({@link
 * org.cratesim.engine.Simulation#beforeEachEvent}), however many tasks the handler started or
 * finished. {@link org.cratesim.engine.HoldModel} and {@link org.cratesim.engine.CycleModel} are
 * the workloads {@code cratesim bench} times.
 */
package org.cratesim.engine;
