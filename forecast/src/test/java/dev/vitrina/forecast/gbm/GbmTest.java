package dev.vitrina.forecast.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GbmTest {

  static final long SEED = 7L;
  static final int ROWS = 6_000;

  /** y ~ Poisson(exp(0.3 + 1.2 x0)) (x1 is noise; x0 has 5% missing values). */
  static float[][] columns = new float[2][ROWS];

  static float[] label = new float[ROWS];

  static {
    SplittableRandom r = new SplittableRandom(SEED);
    for (int i = 0; i < ROWS; i++) {
      double x0 = r.nextDouble() * 2 - 1;
      columns[0][i] = r.nextDouble() < 0.05 ? Float.NaN : (float) x0;
      columns[1][i] = (float) r.nextDouble();
      double mu = Math.exp(0.3 + 1.2 * x0);
      // Poisson by inversion
      double u = r.nextDouble();
      int k = 0;
      double p = Math.exp(-mu);
      double cdf = p;
      while (u > cdf) {
        k++;
        p *= mu / k;
        cdf += p;
      }
      label[i] = k;
    }
  }

  static final int[] TRAIN = IntStream.range(0, 5_000).toArray();
  static final int[] VALID = IntStream.range(5_000, ROWS).toArray();
  static final String[] NAMES = {"x0", "noise"};

  static GbmConfig small() {
    return GbmConfig.defaults()
        .withRounds(200, 0.1)
        .withTrees(15, 20)
        .withEarlyStopping(10)
        .withThreads(1);
  }

  static double rmse(double[] p, int[] rows) {
    double s = 0;
    for (int i = 0; i < rows.length; i++) {
      double e = p[i] - label[rows[i]];
      s += e * e;
    }
    return Math.sqrt(s / rows.length);
  }

  @ParameterizedTest
  @EnumSource(Objective.class)
  void everyObjectiveLearnsTheSignal(Objective objective) {
    try (GbmModel m =
        new GbmTrainer(small().withObjective(objective))
            .fit(columns, NAMES, label, TRAIN, VALID, Progress.silent())) {
      double[] p = m.predict(columns, VALID);
      double mean = 0;
      for (int row : TRAIN) {
        mean += label[row];
      }
      mean /= TRAIN.length;
      double[] flat = new double[VALID.length];
      java.util.Arrays.fill(flat, mean);
      // the model beats the constant mean by a clear margin on held-out rows
      assertThat(rmse(p, VALID)).isLessThan(0.9 * rmse(flat, VALID));
      for (double v : p) {
        assertThat(v).isFinite();
        if (objective != Objective.L2) {
          assertThat(v).isPositive();
        }
      }
      // x0 carries the signal, so it has more gain than the noise column
      double[] imp = m.featureImportance();
      assertThat(imp[0]).isGreaterThan(imp[1]);
    }
  }

  @Test
  void sameSeedSameModelDifferentSeedDifferentModel() {
    GbmTrainer t = new GbmTrainer(small());
    try (GbmModel a = t.fit(columns, NAMES, label, TRAIN, VALID, Progress.silent());
        GbmModel b = t.fit(columns, NAMES, label, TRAIN, VALID, Progress.silent());
        GbmModel c =
            new GbmTrainer(small().withSeed(SEED + 1))
                .fit(columns, NAMES, label, TRAIN, VALID, Progress.silent())) {
      assertThat(a.modelText()).isEqualTo(b.modelText());
      assertThat(a.predict(columns, VALID)).containsExactly(b.predict(columns, VALID));
      // bagging and feature sampling follow the seed
      assertThat(c.modelText()).isNotEqualTo(a.modelText());
    }
  }

  @Test
  void earlyStoppingKeepsTheBestRound() {
    GbmConfig cfg = small().withRounds(500, 0.5).withEarlyStopping(5);
    try (GbmModel m =
        new GbmTrainer(cfg).fit(columns, NAMES, label, TRAIN, VALID, Progress.silent())) {
      double[] curve = m.validCurve();
      assertThat(m.roundsRun()).isLessThan(500);
      assertThat(m.roundsRun()).isEqualTo(m.bestRound() + 5);
      double min = java.util.Arrays.stream(curve).min().orElseThrow();
      assertThat(m.bestValidRmse()).isEqualTo(min).isEqualTo(curve[m.bestRound() - 1]);
      // the kept model's validation RMSE is the best one seen (LightGBM's own metric)
      assertThat(rmse(m.predict(columns, VALID), VALID))
          .isCloseTo(m.bestValidRmse(), org.assertj.core.api.Assertions.within(1e-4));
    }
  }

  @Test
  void saveLoadGivesIdenticalPredictions(@TempDir Path dir) throws Exception {
    try (GbmModel m =
        new GbmTrainer(small()).fit(columns, NAMES, label, TRAIN, VALID, Progress.silent())) {
      Path art = dir.resolve("model");
      m.save(art);
      assertThat(Files.exists(art.resolve("manifest.json"))).isTrue();
      try (GbmModel back = GbmModel.load(art)) {
        assertThat(back.predict(columns, VALID)).containsExactly(m.predict(columns, VALID));
        assertThat(back.featureNames()).containsExactly(NAMES);
        assertThat(back.config()).isEqualTo(m.config());
        assertThat(back.bestRound()).isEqualTo(m.bestRound());
        assertThat(back.fingerprint()).isEqualTo(m.fingerprint());
      }
      // a corrupted model file is detected before LightGBM reads it
      Files.writeString(art.resolve("model.txt"), "garbage");
      assertThatThrownBy(() -> GbmModel.load(art))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("checksum mismatch");
      // an artifact is immutable: saving over it is refused, a new directory is needed
      assertThatThrownBy(() -> m.save(art)).hasMessageContaining("artifacts are immutable");
      // a manifest that lost a file's entry: the file is not loaded unchecked
      Path art2 = dir.resolve("model2");
      m.save(art2);
      Path manifest = art2.resolve("manifest.json");
      Files.writeString(
          manifest,
          Files.readString(manifest).replaceAll("\"features\\.json\" : \"[0-9a-f]+\",", ""));
      assertThatThrownBy(() -> GbmModel.load(art2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("file features.json not listed in " + manifest);
    }
  }

  @Test
  void rejectsUnknownTargetsAndWrongColumns() {
    float[] bad = label.clone();
    bad[3] = Float.NaN;
    assertThatThrownBy(
            () -> new GbmTrainer(small()).fit(columns, NAMES, bad, TRAIN, null, Progress.silent()))
        .hasMessageContaining("row 3")
        .hasMessageContaining("NaN");
    try (GbmModel m =
        new GbmTrainer(small().withRounds(5, 0.1))
            .fit(columns, NAMES, label, TRAIN, null, Progress.silent())) {
      assertThat(m.bestRound()).isEqualTo(5);
      assertThatThrownBy(() -> m.predict(new float[][] {columns[0]}, VALID))
          .hasMessageContaining("trained on 2 features");
    }
    assertThatThrownBy(() -> GbmConfig.defaults().withTweedieVariancePower(2.5))
        .hasMessageContaining("tweedie_variance_power");
  }
}
