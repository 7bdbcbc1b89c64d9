package dev.vitrina.recs.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Typed access to string parameters ({@code factors=64}) for building configs from command lines;
 * unknown names and unparsable values fail with a message naming the model, the parameter and the
 * valid choices.
 */
public final class Params {

  private final String model;
  private final Map<String, String> values;

  private Params(String model, Map<String, String> values) {
    this.model = model;
    this.values = values;
  }

  /**
   * Wraps {@code values} for {@code model}, rejecting names not in {@code known}.
   *
   * @throws IllegalArgumentException naming the unknown parameter and the known ones
   */
  public static Params of(String model, Map<String, String> values, Set<String> known) {
    for (String k : values.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException(
            "unknown parameter '"
                + k
                + "' for model "
                + model
                + "; known: "
                + new TreeSet<>(known));
      }
    }
    return new Params(model, new TreeMap<>(values));
  }

  /** Parses {@code "a=1,b=2"} (or entries separated by spaces or semicolons) into a map. */
  public static Map<String, String> parse(String spec) {
    Map<String, String> m = new TreeMap<>();
    if (spec == null || spec.isBlank()) {
      return m;
    }
    for (String part : spec.trim().split("[,;\\s]+")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException(
            "parameters must look like name=value, got '" + part + "' in '" + spec + "'");
      }
      m.put(kv[0].trim(), kv[1].trim());
    }
    return m;
  }

  /** An integer parameter or its default. */
  public int getInt(String name, int def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          model + " parameter " + name + " must be an integer, got '" + v + "'");
    }
  }

  /** A long parameter or its default. */
  public long getLong(String name, long def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          model + " parameter " + name + " must be an integer, got '" + v + "'");
    }
  }

  /** A real parameter or its default. */
  public double getDouble(String name, double def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          model + " parameter " + name + " must be a number, got '" + v + "'");
    }
  }

  /** A boolean parameter ({@code true}/{@code false}) or its default. */
  public boolean getBoolean(String name, boolean def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(
        model + " parameter " + name + " must be true or false, got '" + v + "'");
  }

  /** An enum parameter (case-insensitive) or its default. */
  public <E extends Enum<E>> E getEnum(String name, Class<E> type, E def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          model
              + " parameter "
              + name
              + " must be one of "
              + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)
              + ", got '"
              + v
              + "'");
    }
  }
}
