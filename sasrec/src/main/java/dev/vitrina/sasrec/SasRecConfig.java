package dev.vitrina.sasrec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SASRec training parameters, parsed from {@code key=value} strings.
 *
 * @param maxLen the longest item window read (older items are dropped)
 * @param dim embedding and hidden size
 * @param heads attention heads ({@code dim} must be divisible by it)
 * @param blocks self-attention blocks
 * @param dropout dropout rate in training
 * @param epochs the most passes over the users
 * @param batch users per step
 * @param lr Adam's learning rate
 * @param loss {@code ce} (full softmax, SASRec+), {@code sampled} (softmax over {@code negatives}
 *     shared sampled items) or {@code bce} (one negative per position, the original SASRec)
 * @param negatives sampled negatives per batch for {@code loss=sampled}
 * @param patience early stopping: stop after this many epochs without a better validation nDCG@10
 *     (each user's last training item held out) and keep the best epoch; 0 trains every epoch on
 *     whole sequences
 * @param validUsers the most users scored for validation (a seeded sample; 0 = all)
 * @param maxMinutes a training time budget: no epoch starts that the last one's time says would end
 *     past it (0 = none)
 * @param threads PyTorch intra-op threads while training (1 keeps results bit-identical from run to
 *     run; more is faster, and the last bits may differ between runs)
 * @param seed seeds the weights, the shuffles, the negatives and dropout
 */
public record SasRecConfig(
    int maxLen,
    int dim,
    int heads,
    int blocks,
    float dropout,
    int epochs,
    int batch,
    float lr,
    String loss,
    int negatives,
    int patience,
    int validUsers,
    float maxMinutes,
    int threads,
    long seed) {

  private static final Set<String> KEYS =
      Set.of(
          "max_len",
          "dim",
          "heads",
          "blocks",
          "dropout",
          "epochs",
          "batch",
          "lr",
          "loss",
          "negatives",
          "patience",
          "valid_users",
          "max_minutes",
          "threads",
          "seed");

  private static final Set<String> LOSSES = Set.of("ce", "sampled", "bce");

  public SasRecConfig {
    if (!LOSSES.contains(loss)) {
      throw new IllegalArgumentException(
          "sasrec loss must be one of " + new TreeSet<>(LOSSES) + ", got '" + loss + "'");
    }
    positive("epochs", epochs);
    positive("batch", batch);
    positive("negatives", negatives);
    positive("threads", threads);
    if (patience < 0 || validUsers < 0 || maxMinutes < 0) {
      throw new IllegalArgumentException(
          "sasrec patience, valid_users and max_minutes must be >= 0 (0 = off), got "
              + patience
              + ", "
              + validUsers
              + ", "
              + maxMinutes);
    }
    if (!(lr > 0) || !Float.isFinite(lr)) {
      throw new IllegalArgumentException("sasrec lr must be > 0, got " + lr + "; e.g. lr=0.001");
    }
  }

  private static void positive(String key, int v) {
    if (v < 1) {
      throw new IllegalArgumentException("sasrec " + key + " must be >= 1, got " + v);
    }
  }

  /** Parses {@code params}; unknown keys and bad numbers are rejected. */
  public static SasRecConfig fromParams(Map<String, String> params) {
    for (String k : params.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(
            "sasrec has no parameter '" + k + "'; use one of " + new TreeSet<>(KEYS));
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
        params.getOrDefault("loss", "ce").trim().toLowerCase(Locale.ROOT),
        i(params, "negatives", 256),
        i(params, "patience", 0),
        i(params, "valid_users", 0),
        f(params, "max_minutes", 0f),
        i(params, "threads", 1),
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
    m.put("loss", loss);
    m.put("negatives", negatives);
    m.put("patience", patience);
    m.put("valid_users", validUsers);
    m.put("max_minutes", maxMinutes);
    m.put("threads", threads);
    m.put("seed", seed);
    return m;
  }

  /** The loss as the network names it. */
  SasRecNet.Loss lossKind() {
    return switch (loss) {
      case "sampled" -> SasRecNet.Loss.SAMPLED_SOFTMAX;
      case "bce" -> SasRecNet.Loss.BCE;
      default -> SasRecNet.Loss.FULL_SOFTMAX;
    };
  }

  /** The network shape for {@code numItems} items. */
  public SasRecNet.Config net(int numItems) {
    return new SasRecNet.Config(numItems, maxLen, dim, heads, blocks, dropout);
  }
}
