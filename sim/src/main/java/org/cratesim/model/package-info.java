/**
 * What a user describes: crates, their dependencies and costs, and the build (jobs, mode, policy).
 * Immutable records with validating constructors; no behaviour beyond simple derivations.
 */
package org.cratesim.model;
