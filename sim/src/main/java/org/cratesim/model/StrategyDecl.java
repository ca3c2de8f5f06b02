package org.cratesim.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@code [[strategy]]} of a scenario: a strategy's name, whether it is on, and its parameters
 * (numbers, booleans, strings or lists of strings) as written.
 *
 * @param name the registered name, e.g. {@code expansion-cache}
 * @param enabled false declares the parameters without switching it on ({@code --strategy NAME}
 *     switches it on)
 * @param params parameters by key
 */
public record StrategyDecl(String name, boolean enabled, Map<String, Object> params) {
  public StrategyDecl {
    Objects.requireNonNull(name);
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  public StrategyDecl withEnabled(boolean e) {
    return new StrategyDecl(name, e, params);
  }
}
