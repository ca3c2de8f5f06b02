/**
 * From real builds to scenarios: cargo {@code --timings} pages become scenarios whose units carry
 * the measured front-end / codegen split, and {@link org.cratesim.importer.Calibration} holds the
 * fitted parameters of the model of what changes when the same build runs with another {@code -j}.
 */
package org.cratesim.importer;
