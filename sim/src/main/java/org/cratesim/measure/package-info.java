/**
 * {@code cratesim measure}: the calibration loop for a real build. A baseline and variants of one
 * cargo command (environment, {@code RUSTFLAGS}, {@code RUSTC_WRAPPER}, cargo arguments such as
 * {@code --config=profile.dev.debug=0} or {@code -j1}) run interleaved (A B A B …) for N
 * repetitions, each prepared the way its build kind needs (an empty target directory; an edit of a
 * named file; an unrecorded warm-up), every run's {@code --timings} page kept, and a runs CSV in
 * the ground truth's format written with medians and spreads. Runs cargo through {@link
 * java.lang.ProcessBuilder}, never a shell. Depends on nothing of cratesim but {@code report.Csv}.
 */
package org.cratesim.measure;
