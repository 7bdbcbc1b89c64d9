package dev.vitrina.sasrec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** SASRec training parameters, parsed from {@code key=value} strings. */
public record SasRecConfig(
    int maxLen,
    int dim,
    int heads,
    int blocks,
    float dropout,
    int epochs,
    int batch,
    float lr,
    long seed) {

  private static final Set<String> KEYS =
      Set.of("max_len", "dim", "heads", "blocks", "dropout", "epochs", "batch", "lr", "seed");

  /** Parses {@code params}; unknown keys and bad numbers are rejected. */
  public static SasRecConfig fromParams(Map<String, String> params) {
    for (String k : params.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(
            "sasrec has no parameter '" + k + "'; use one of " + new java.util.TreeSet<>(KEYS));
      }
    }
    return new SasRecConfig(
        i(params, "max_len", 50),
        i(params, "dim", 64),
        i(params, "heads", 1),
        i(params, "blocks", 2),
        f(params, "dropout", 0.2f),
        i(params, "epochs", 20),
        i(params, "batch", 128),
        f(params, "lr", 0.001f),
        i(params, "seed", 42));
  }

  private static int i(Map<String, String> p, String k, int def) {
    String v = p.get(k);
    try {
      return v == null ? def : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "sasrec " + k + " must be an integer, got '" + v + "'; e.g. " + k + "=" + def, e);
    }
  }

  private static float f(Map<String, String> p, String k, float def) {
    String v = p.get(k);
    try {
      return v == null ? def : Float.parseFloat(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "sasrec " + k + " must be a number, got '" + v + "'; e.g. " + k + "=" + def, e);
    }
  }

  /** The parameters as saved in a manifest. */
  public Map<String, Object> toParams() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_len", maxLen);
    m.put("dim", dim);
    m.put("heads", heads);
    m.put("blocks", blocks);
    m.put("dropout", dropout);
    m.put("epochs", epochs);
    m.put("batch", batch);
    m.put("lr", lr);
    m.put("seed", seed);
    return m;
  }

  /** The network shape for {@code numItems} items. */
  public SasRecNet.Config net(int numItems) {
    return new SasRecNet.Config(numItems, maxLen, dim, heads, blocks, dropout);
  }
}
