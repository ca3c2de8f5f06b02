package org.cratesim.cargo;

/**
 * What a dependency edge waits for (cargo's {@code enum Artifact}): the dependency's {@code .rmeta}
 * (pipelining) or its complete output.
 */
public enum Artifact {
  METADATA,
  ALL
}
