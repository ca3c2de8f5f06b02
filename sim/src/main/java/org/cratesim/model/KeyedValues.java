package org.cratesim.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fixed set of named numeric parameters, each documented, validated in one place: the calibration
 * profiles and the cost rates are both such sets (read from TOML, overridden by {@code --set}).
 */
public final class KeyedValues {
  private KeyedValues() {}

  /**
   * The values in the keys' order; every key present, no unknown key.
   *
   * @param what names the set in messages ("cost rate", "calibration key")
   */
  public static Map<String, Double> validated(
      Map<String, String> keys, Map<String, Double> values, String what) {
    Map<String, Double> v = new LinkedHashMap<>();
    for (String k : keys.keySet()) {
      Double x = values.get(k);
      if (x == null) {
        throw new IllegalArgumentException(what + " '" + k + "' is missing");
      }
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        throw new IllegalArgumentException(what + " '" + k + "' must be a finite number");
      }
      v.put(k, x);
    }
    for (String k : values.keySet()) {
      if (!keys.containsKey(k)) {
        throw unknown(keys, k, what);
      }
    }
    return Collections.unmodifiableMap(v);
  }

  /** A value by key. */
  public static double get(
      Map<String, String> keys, Map<String, Double> values, String key, String what) {
    Double v = values.get(key);
    if (v == null) {
      throw unknown(keys, key, what);
    }
    return v;
  }

  /** The values with one changed. */
  public static Map<String, Double> with(
      Map<String, String> keys, Map<String, Double> values, String key, double value, String what) {
    if (!keys.containsKey(key)) {
      throw unknown(keys, key, what);
    }
    Map<String, Double> v = new LinkedHashMap<>(values);
    v.put(key, value);
    return v;
  }

  private static IllegalArgumentException unknown(
      Map<String, String> keys, String key, String what) {
    return new IllegalArgumentException(
        "unknown " + what + " '" + key + "' (known: " + String.join(", ", keys.keySet()) + ")");
  }
}
