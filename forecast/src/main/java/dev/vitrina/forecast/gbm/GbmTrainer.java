package dev.vitrina.forecast.gbm;

import dev.vitrina.core.artifact.Artifacts;
import dev.vitrina.core.check.Checks;
import dev.vitrina.core.progress.Progress;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Trains a {@link GbmModel} on primitive feature columns, e.g. a feature engine's column-major
 * {@code float[][]} (NaN = missing, which LightGBM routes natively). Rows are chosen by index
 * arrays, so the same columns serve the training window, the validation window and prediction
 * without building a CSV or a second matrix.
 *
 * <p>Memory: the selected rows are copied once into a column-major {@code float[rows * columns]}
 * handed to LightGBM (which keeps its own binned copy, about one byte per cell), then released.
 *
 * <p>Needs the native LightGBM library (bundled in lightgbm4j) and the system's OpenMP runtime
 * ({@code libgomp1} on Debian).
 */
public final class GbmTrainer {

  private final GbmConfig config;

  public GbmTrainer(GbmConfig config) {
    this.config = config;
  }

  public GbmConfig config() {
    return config;
  }

  /**
   * Fits the model.
   *
   * @param columns feature columns, {@code columns[j][row]}
   * @param names feature names, one per column
   * @param label the target per row (must be finite and, for tweedie/poisson, {@code >= 0} on the
   *     chosen rows)
   * @param trainRows the rows to train on
   * @param validRows the rows of the early-stopping window, or {@code null} / empty for none
   * @param progress advanced by one per boosting round
   */
  public GbmModel fit(
      float[][] columns,
      String[] names,
      float[] label,
      int[] trainRows,
      int[] validRows,
      Progress progress) {
    Checks.require(
        columns.length == names.length && columns.length > 0,
        "columns and names must have the same non-zero length, got "
            + columns.length
            + " and "
            + names.length);
    Checks.require(trainRows.length > 0, "trainRows is empty; widen the training window");
    checkLabels(label, trainRows, "trainRows");
    boolean valid = validRows != null && validRows.length > 0;
    if (valid) {
      checkLabels(label, validRows, "validRows");
    }
    String params = config.lightgbmParams() + categoricalParam(names);
    long t0 = System.nanoTime();
    NativeLightgbm.load();
    try (LGBMDataset train = dataset(columns, names, label, trainRows, params, null);
        LGBMDataset validSet =
            valid ? dataset(columns, names, label, validRows, params, train) : null;
        LGBMBooster booster = LGBMBooster.create(train, params)) {
      if (valid) {
        booster.addValidData(validSet);
      }
      double best = Double.POSITIVE_INFINITY;
      int bestRound = 0;
      double[] curve = new double[config.maxRounds()];
      int rounds = 0;
      for (int r = 1; r <= config.maxRounds(); r++) {
        boolean finished = booster.updateOneIter();
        rounds = r;
        progress.step(1);
        if (valid) {
          double rmse = booster.getEval(1)[0];
          curve[r - 1] = rmse;
          if (rmse < best) {
            best = rmse;
            bestRound = r;
          } else if (config.earlyStoppingRounds() > 0
              && r - bestRound >= config.earlyStoppingRounds()) {
            break;
          }
        } else {
          bestRound = r;
        }
        if (finished) {
          break;
        }
      }
      String text = booster.saveModelToString(0, bestRound, LGBMBooster.FeatureImportanceType.GAIN);
      double seconds = (System.nanoTime() - t0) / 1e9;
      return GbmModel.fromText(
          text,
          names,
          config,
          bestRound,
          rounds,
          valid ? best : Double.NaN,
          Arrays.copyOf(curve, valid ? rounds : 0),
          fingerprint(columns.length, label, trainRows),
          seconds);
    } catch (LGBMException e) {
      throw new IllegalStateException("LightGBM failed: " + e.getMessage(), e);
    }
  }

  private void checkLabels(float[] label, int[] rows, String what) {
    boolean nonNegative = config.objective() != Objective.L2;
    for (int row : rows) {
      float y = label[row];
      if (!Float.isFinite(y) || (nonNegative && y < 0)) {
        throw new IllegalArgumentException(
            what
                + " includes row "
                + row
                + " whose label is "
                + y
                + "; train only on rows with a known "
                + (nonNegative ? "non-negative " : "")
                + "target (future rows have NaN targets)");
      }
    }
  }

  private String categoricalParam(String[] names) {
    if (config.categorical().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(" categorical_feature=");
    int k = 0;
    for (String c : config.categorical()) {
      int j = Arrays.asList(names).indexOf(c);
      Checks.require(
          j >= 0,
          "categorical feature '" + c + "' is not among the features " + Arrays.toString(names));
      b.append(k++ == 0 ? "" : ",").append(j);
    }
    return b.toString();
  }

  private static LGBMDataset dataset(
      float[][] columns,
      String[] names,
      float[] label,
      int[] rows,
      String params,
      LGBMDataset reference)
      throws LGBMException {
    float[] flat = gather(columns, rows);
    LGBMDataset ds =
        LGBMDataset.createFromMat(flat, rows.length, columns.length, false, params, reference);
    flat = null;
    ds.setFeatureNames(names);
    float[] y = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = label[rows[i]];
    }
    ds.setField("label", y);
    return ds;
  }

  /** Copies the chosen rows into a column-major matrix. */
  static float[] gather(float[][] columns, int[] rows) {
    int n = rows.length;
    float[] flat = new float[Math.multiplyExact(n, columns.length)];
    for (int j = 0; j < columns.length; j++) {
      float[] col = columns[j];
      int base = j * n;
      for (int i = 0; i < n; i++) {
        flat[base + i] = col[rows[i]];
      }
    }
    return flat;
  }

  private static String fingerprint(int cols, float[] label, int[] rows) {
    MessageDigest md = Artifacts.sha256();
    ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
    buf.putInt(cols).putInt(rows.length);
    for (int row : rows) {
      if (buf.remaining() < 8) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putInt(row).putFloat(label[row]);
    }
    md.update(buf.array(), 0, buf.position());
    return HexFormat.of().formatHex(md.digest());
  }
}
