package dev.vitrina.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.recs.Fixtures;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplittersTest {

  private final Interactions data = Fixtures.planted(60, 48, 1);

  private static long rowKey(Interactions d, int r) {
    return ((long) d.userIndex(r) << 32) | d.itemIndex(r);
  }

  private static void assertPartition(Interactions all, Split s) {
    assertThat(s.train().size() + s.test().size()).isEqualTo(all.size());
    java.util.Set<Long> keys = new java.util.HashSet<>();
    for (int r = 0; r < s.train().size(); r++) {
      keys.add(rowKey(s.train(), r));
    }
    for (int r = 0; r < s.test().size(); r++) {
      assertThat(keys.add(rowKey(s.test(), r))).isTrue();
    }
    assertThat(keys).hasSize(all.size());
    assertThat(s.train().users()).isSameAs(all.users());
  }

  @Test
  void randomByUserKeepsTheRatioPerUserAndIsSeeded() {
    Split s = Splitters.randomByUser(data, 0.75, 42);
    assertPartition(data, s);
    Interactions.RowsByUser all = data.rowsByUser();
    Interactions.RowsByUser tr = s.train().rowsByUser();
    for (int u = 0; u < data.numUsers(); u++) {
      assertThat(tr.count(u)).isEqualTo((int) Math.round(0.75 * all.count(u)));
    }
    Split again = Splitters.randomByUser(data, 0.75, 42);
    assertThat(again.test().fingerprint()).isEqualTo(s.test().fingerprint());
    assertThat(Splitters.randomByUser(data, 0.75, 43).test().fingerprint())
        .isNotEqualTo(s.test().fingerprint());
  }

  @Test
  void lastNTakesEachUsersLatestRows() {
    Split s = Splitters.lastN(data, 2);
    assertPartition(data, s);
    Interactions.RowsByUser tr = s.train().rowsByUser();
    Interactions.RowsByUser te = s.test().rowsByUser();
    for (int u = 0; u < data.numUsers(); u++) {
      if (te.count(u) == 0) {
        continue;
      }
      assertThat(te.count(u)).isEqualTo(2);
      long maxTrain = Long.MIN_VALUE;
      for (int i = tr.offsets()[u]; i < tr.offsets()[u + 1]; i++) {
        maxTrain = Math.max(maxTrain, s.train().timestamp(tr.rows()[i]));
      }
      for (int i = te.offsets()[u]; i < te.offsets()[u + 1]; i++) {
        assertThat(s.test().timestamp(te.rows()[i])).isGreaterThanOrEqualTo(maxTrain);
      }
    }
  }

  @Test
  void globalTimeSplitsAtTheQuantile() {
    Split s = Splitters.globalTime(data, 0.8);
    assertPartition(data, s);
    long maxTrain = Long.MIN_VALUE;
    for (int r = 0; r < s.train().size(); r++) {
      maxTrain = Math.max(maxTrain, s.train().timestamp(r));
    }
    for (int r = 0; r < s.test().size(); r++) {
      assertThat(s.test().timestamp(r)).isGreaterThan(maxTrain);
    }
    assertThat((double) s.train().size() / data.size()).isBetween(0.79, 0.81);
  }

  @Test
  void kFoldTestsEveryRowExactlyOnce() {
    List<Split> folds = Splitters.kFold(data, 4, 9);
    assertThat(folds).hasSize(4);
    int tested = 0;
    for (Split f : folds) {
      assertPartition(data, f);
      tested += f.test().size();
    }
    assertThat(tested).isEqualTo(data.size());
  }

  @Test
  void specsParseAndBadSpecsSayWhatIsAccepted() {
    assertThat(Splitters.bySpec(data, "random-by-user:0.75", 1)).hasSize(1);
    assertThat(Splitters.bySpec(data, "kfold:3", 1)).hasSize(3);
    assertThatThrownBy(() -> Splitters.bySpec(data, "rnd:0.7", 1))
        .hasMessageContaining("unknown split 'rnd'")
        .hasMessageContaining("random-by-user:0.75");
    assertThatThrownBy(() -> Splitters.bySpec(data, "random-by-user:1.5", 1))
        .hasMessageContaining("(0, 1), got 1.5");
    Interactions untimed = Interactions.builder(Feedback.IMPLICIT).add("u", "i", 1).build();
    assertThatThrownBy(() -> Splitters.lastN(untimed, 1)).hasMessageContaining("needs timestamps");
  }
}
