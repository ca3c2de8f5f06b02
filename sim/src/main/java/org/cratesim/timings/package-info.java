/**
 * Reading real cargo build measurements: {@code --timings} reports (raw HTML pages and the JSON
 * envelope the ground-truth pages were extracted into) and {@code --unit-graph} output.
 *
 * <ul>
 *   <li>{@link org.cratesim.timings.TimingsReader} reads a report into a {@link
 *       org.cratesim.timings.TimingsPage} of {@link org.cratesim.timings.PageUnit}s. The unit
 *       fields are those of cargo's {@code UnitData} ({@code src/cargo/core/compiler/timings/}):
 *       cargo 1.60 ({@code rmeta_time}, {@code unlocked_*}) and cargo 1.95 ({@code features},
 *       {@code sections}, {@code unblocked_*}) are both supported.
 *   <li>{@link org.cratesim.timings.UnitGraphFile} reads the full dependency graph that timing
 *       pages lack (their unblocked lists only hold the edges satisfied last in one run).
 * </ul>
 *
 * <p>All input is untrusted. Crate names are kept as plain strings, and every problem is reported
 * as a checked {@link org.cratesim.timings.TimingsFormatException} whose message is one line
 * starting with the file name.
 */
package org.cratesim.timings;
