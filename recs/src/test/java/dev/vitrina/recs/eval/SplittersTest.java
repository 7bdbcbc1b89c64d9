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

  /** Four users with two interactions each, timestamps 1..8 s. */
  private static Interactions twoPerUser() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    long t = 1000;
    for (String u : List.of("u1", "u2", "u3", "u4")) {
      b.add(u, "a", 1, t += 1000).add(u, "b", 1, t += 1000);
    }
    return b.build();
  }

  @Test
  void minimumRowsPerUserForBothSides() {
    // round(0.75 n) must be in [1, n - 1]: n = 2 gives 2 (all train), n = 3 gives 2
    assertThat(Splitters.minRowsForBothSides(0.75)).isEqualTo(3);
    assertThat(Splitters.minRowsForBothSides(0.5)).isEqualTo(2);
    // 0.9: n = 5 rounds 4.5 up to 5, n = 6 gives 5
    assertThat(Splitters.minRowsForBothSides(0.9)).isEqualTo(6);
  }

  @Test
  void aSplitWithAnEmptySideIsRefusedWithTheMinimumAndWhatWasFound() {
    Interactions d = twoPerUser();
    assertThatThrownBy(() -> Splitters.bySpec(d, "random-by-user:0.75", 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaves the test side empty")
        .hasMessageContaining("at least one user with at least 3 interactions")
        .hasMessageContaining("8 rows from 4 users, at most 2 rows per user");
    assertThatThrownBy(() -> Splitters.bySpec(d, "last-n:2", 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 2 interactions")
        .hasMessageContaining("at most 2 rows per user");
    assertThatThrownBy(() -> Splitters.bySpec(d, "kfold:3", 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 3 interactions, so that every one of the 3 folds");
    // the same data splits where the spec asks less of it
    assertThat(Splitters.bySpec(d, "random-by-user:0.5", 42).get(0).test().size()).isEqualTo(4);
    assertThat(Splitters.bySpec(d, "kfold:2", 42)).hasSize(2);
  }

  @Test
  void aTimeSplitOnOneTimestampIsRefused() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    b.add("u1", "a", 1, 5000).add("u2", "b", 1, 5000);
    Interactions d = b.build();
    assertThatThrownBy(() -> Splitters.bySpec(d, "time:0.8", 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaves the training side empty")
        .hasMessageContaining("timestamps from 1970-01-01T00:00:05Z to 1970-01-01T00:00:05Z");
  }
}
