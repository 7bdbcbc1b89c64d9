package dev.vitrina.forecast.gbm;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.core.artifact.ArtifactManifest;
import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.check.Checks;
import dev.vitrina.core.json.Json;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained LightGBM model: immutable, thread-safe for prediction, saveable as a vitrina artifact
 * (format {@value #FORMAT}: LightGBM's text model plus the feature names). Predictions are on the
 * response scale (for tweedie/poisson: the expected quantity). It holds a native booster: {@link
 * #close()} it when done (closing twice is harmless); the garbage collector does not release it.
 */
public final class GbmModel implements AutoCloseable {

  /** The artifact format name. */
  public static final String FORMAT = "vitrina.forecast.gbm";

  static final int FORMAT_VERSION = 1;

  private static final int CHUNK = 65_536;

  private final String text;
  private final String[] names;
  private final GbmConfig config;
  private final int bestRound;
  private final int roundsRun;
  private final double bestValidRmse;
  private final double[] validCurve;
  private final String fingerprint;
  private final double trainSeconds;
  private final LGBMBooster booster;
  private boolean closed;

  private GbmModel(
      String text,
      String[] names,
      GbmConfig config,
      int bestRound,
      int roundsRun,
      double bestValidRmse,
      double[] validCurve,
      String fingerprint,
      double trainSeconds,
      LGBMBooster booster) {
    this.text = text;
    this.names = names.clone();
    this.config = config;
    this.bestRound = bestRound;
    this.roundsRun = roundsRun;
    this.bestValidRmse = bestValidRmse;
    this.validCurve = validCurve;
    this.fingerprint = fingerprint;
    this.trainSeconds = trainSeconds;
    this.booster = booster;
  }

  static GbmModel fromText(
      String text,
      String[] names,
      GbmConfig config,
      int bestRound,
      int roundsRun,
      double bestValidRmse,
      double[] validCurve,
      String fingerprint,
      double trainSeconds) {
    NativeLightgbm.load();
    try {
      return new GbmModel(
          text,
          names,
          config,
          bestRound,
          roundsRun,
          bestValidRmse,
          validCurve,
          fingerprint,
          trainSeconds,
          LGBMBooster.loadModelFromString(text));
    } catch (LGBMException e) {
      throw new IllegalStateException("LightGBM could not load the model: " + e.getMessage(), e);
    }
  }

  /** Feature names, in the column order {@link #predict} expects. */
  public String[] featureNames() {
    return names.clone();
  }

  public GbmConfig config() {
    return config;
  }

  /** The round kept (best validation RMSE, or the last round without validation). */
  public int bestRound() {
    return bestRound;
  }

  /** Rounds trained before stopping. */
  public int roundsRun() {
    return roundsRun;
  }

  /** The validation RMSE at {@link #bestRound()} (NaN without validation). */
  public double bestValidRmse() {
    return bestValidRmse;
  }

  /** Validation RMSE after each round (empty without validation). */
  public double[] validCurve() {
    return validCurve.clone();
  }

  /** Wall-clock training time in seconds. */
  public double trainSeconds() {
    return trainSeconds;
  }

  /** A fingerprint of the training rows and labels. */
  public String fingerprint() {
    return fingerprint;
  }

  /** LightGBM's text representation of the kept trees. */
  public String modelText() {
    return text;
  }

  /** Gain importance per feature, in feature order. */
  public synchronized double[] featureImportance() {
    try {
      return booster.featureImportance(bestRound, LGBMBooster.FeatureImportanceType.GAIN);
    } catch (LGBMException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Predicts the chosen rows of the columns (same feature order as training, NaN = missing). Works
   * in chunks of 65,536 rows, so it needs {@code 4 * 65536 * columns} bytes of scratch.
   */
  public double[] predict(float[][] columns, int[] rows) {
    Checks.require(
        columns.length == names.length,
        "the model was trained on "
            + names.length
            + " features "
            + Arrays.toString(names)
            + " but got "
            + columns.length
            + " columns; build the same features");
    double[] out = new double[rows.length];
    int c = columns.length;
    float[] chunk = new float[Math.min(CHUNK, Math.max(1, rows.length)) * c];
    String params = "num_threads=" + config.threads();
    for (int from = 0; from < rows.length; from += CHUNK) {
      int n = Math.min(CHUNK, rows.length - from);
      for (int i = 0; i < n; i++) {
        int row = rows[from + i];
        int base = i * c;
        for (int j = 0; j < c; j++) {
          chunk[base + j] = columns[j][row];
        }
      }
      double[] p;
      synchronized (this) {
        try {
          p =
              booster.predictForMat(
                  n == CHUNK ? chunk : Arrays.copyOf(chunk, n * c),
                  n,
                  c,
                  true,
                  com.microsoft.ml.lightgbm.PredictionType.C_API_PREDICT_NORMAL,
                  params);
        } catch (LGBMException e) {
          throw new IllegalStateException("LightGBM prediction failed: " + e.getMessage(), e);
        }
      }
      System.arraycopy(p, 0, out, from, n);
    }
    return out;
  }

  /** Saves the model as an artifact directory (atomically). */
  public ArtifactManifest save(Path dir) throws IOException {
    Map<String, Object> params = new LinkedHashMap<>(config.toMap());
    params.put("features", Arrays.asList(names));
    params.put("best_round", bestRound);
    params.put("rounds_run", roundsRun);
    params.put("best_valid_rmse", Double.isNaN(bestValidRmse) ? null : bestValidRmse);
    params.put("train_seconds", trainSeconds);
    return Artifacts.save(
        dir,
        FORMAT,
        FORMAT_VERSION,
        params,
        fingerprint,
        tmp -> {
          Files.writeString(tmp.resolve("model.txt"), text, StandardCharsets.UTF_8);
          Files.writeString(tmp.resolve("features.json"), Json.write(names));
        });
  }

  /** Loads a model saved by {@link #save}, verifying format, version and checksums. */
  public static GbmModel load(Path path) throws IOException {
    Path dir = ArtifactHome.resolve(path);
    ArtifactManifest m = Artifacts.load(dir, FORMAT, FORMAT_VERSION);
    String text = Files.readString(dir.resolve("model.txt"), StandardCharsets.UTF_8);
    String[] names =
        Json.mapper().readValue(Files.readString(dir.resolve("features.json")), String[].class);
    Map<String, Object> p = m.parameters();
    GbmConfig config = GbmConfig.fromMap(p);
    Object rmse = p.get("best_valid_rmse");
    return fromText(
        text,
        names,
        config,
        ((Number) p.get("best_round")).intValue(),
        ((Number) p.get("rounds_run")).intValue(),
        rmse == null ? Double.NaN : ((Number) rmse).doubleValue(),
        new double[0],
        m.dataFingerprint(),
        ((Number) p.get("train_seconds")).doubleValue());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      booster.close();
    } catch (LGBMException e) {
      throw new IllegalStateException(e);
    }
  }
}
