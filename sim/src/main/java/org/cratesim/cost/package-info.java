/**
 * Where compile time comes from: a size-based model of rustc's phases (front end, monomorphisation,
 * MIR to LLVM IR, LLVM per CGU, link, LTO) with rates calibrated on the ground truth, and the
 * profile knobs that change them.
 */
package org.cratesim.cost;
