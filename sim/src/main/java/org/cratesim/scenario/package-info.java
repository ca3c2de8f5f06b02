/**
 * Reading scenarios: TOML files (the format documented in {@code scenarios/reference.toml}),
 * command-line overrides, and validation that names the file and line of every problem.
 */
package org.cratesim.scenario;
