package org.cratesim.cargo;

/** An edge: the unit with index {@code unit} must have produced {@code artifact}. */
public record UnitDep(int unit, Artifact artifact) {}
