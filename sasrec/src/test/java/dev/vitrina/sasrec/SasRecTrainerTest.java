package dev.vitrina.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SasRecTrainerTest {

  /** 60 users; each walks items 0, 1, 2, ... (mod 20) from a random start, 6 to 11 steps. */
  static Interactions walks() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    SplittableRandom rnd = new SplittableRandom(9);
    for (int u = 0; u < 60; u++) {
      int start = rnd.nextInt(20);
      int len = 6 + rnd.nextInt(6);
      for (int t = 0; t < len; t++) {
        b.add("u" + u, "i" + (start + t) % 20, 1f, t);
      }
    }
    return b.build();
  }

  static SasRecTrainer trainer(String... kv) {
    Map<String, String> p = new HashMap<>();
    p.putAll(
        Map.of(
            "max_len", "8", "dim", "16", "blocks", "1", "epochs", "50", "batch", "16", "lr", "0.01",
            "dropout", "0"));
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return new SasRecTrainer(SasRecConfig.fromParams(p));
  }

  /**
   * Share of users whose top-1 is the item after their last one (seen items excluded: BCE draws its
   * negatives from items the user never had, so it also learns to score the seen ones high).
   */
  static double nextItemAccuracy(SasRecModel m, Interactions data) {
    int hits = 0;
    for (int u = 0; u < m.users().size(); u++) {
      int[] seq = m.sequence(u);
      String last = m.items().id(seq[seq.length - 1]);
      int next = (Integer.parseInt(last.substring(1)) + 1) % 20;
      Recommendations r = m.recommend(u, 1, RecommendOptions.defaults());
      hits += m.items().id(r.items()[0]).equals("i" + next) ? 1 : 0;
    }
    return hits / (double) m.users().size();
  }

  @Test
  void everyLossLearnsTheNextItem() {
    Interactions data = walks();
    for (String loss : new String[] {"ce", "sampled", "bce"}) {
      try (SasRecModel m = trainer("loss", loss, "negatives", "5").fit(data)) {
        assertThat(nextItemAccuracy(m, data)).as(loss).isGreaterThan(0.9);
      }
    }
  }

  @Test
  void earlyStoppingKeepsTheBestEpochAndTheLogSurvivesSaveAndLoad(@TempDir Path dir)
      throws Exception {
    try (SasRecModel m = trainer("patience", "3", "epochs", "200").fit(walks())) {
      SasRecTrainer.TrainingLog log = m.trainingLog();
      assertThat(log.epochs().size()).isLessThan(200);
      double best =
          log.epochs().stream()
              .mapToDouble(SasRecTrainer.EpochLog::validationNdcg10)
              .max()
              .orElseThrow();
      assertThat(log.epochs().get(log.bestEpoch() - 1).validationNdcg10()).isEqualTo(best);
      // stopped exactly `patience` epochs after the best one
      assertThat(log.epochs().size()).isEqualTo(log.bestEpoch() + 3);
      assertThat(best).isGreaterThan(0.5);
      m.save(dir);
      try (SasRecModel back = SasRecModel.load(dir)) {
        assertThat(back.trainingLog()).isEqualTo(log);
      }
    }
  }

  @Test
  void badParametersAreRejectedByName() {
    assertThatThrownBy(() -> trainer("loss", "hinge"))
        .hasMessageContaining("loss")
        .hasMessageContaining("[bce, ce, sampled]");
    assertThatThrownBy(() -> trainer("patience", "-1")).hasMessageContaining("patience");
    assertThatThrownBy(() -> trainer("negatives", "0")).hasMessageContaining("negatives");
    assertThatThrownBy(() -> trainer("max_minutes", "x")).hasMessageContaining("max_minutes");
  }
}
