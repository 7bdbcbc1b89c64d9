package dev.vitrina.recs.popular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.RecommendOptions;
import org.junit.jupiter.api.Test;

class PopularTrainerTest {

  private static final long DAY = 86_400_000L;

  private static Interactions data() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    b.itemCategory("old", "a")
        .itemCategory("new", "b")
        .itemCategory("b2", "b")
        .itemCategory("a2", "a");
    // "old": 3 interactions 20 days before the latest; "new": 2 interactions at the latest time
    b.add("u1", "old", 1, 0).add("u2", "old", 1, 0).add("u3", "old", 1, 0);
    b.add("u4", "new", 1, 20 * DAY).add("u5", "new", 1, 20 * DAY);
    b.add("u1", "a2", 1, 20 * DAY).add("u6", "b2", 1, 20 * DAY);
    return b.build();
  }

  @Test
  void countsAndTimeDecayAreHandComputable() {
    Interactions d = data();
    PopularModel plain = new PopularTrainer(PopularConfig.defaults()).fit(d);
    assertThat(plain.popularity(0)).isEqualTo(3f);
    PopularModel decayed = new PopularTrainer(PopularConfig.defaults().withHalfLifeDays(10)).fit(d);
    // 20 days = two half-lives: 3 * 0.25 = 0.75 < 2
    assertThat(decayed.popularity(0)).isEqualTo(0.75f);
    assertThat(decayed.popularity(1)).isEqualTo(2f);
    int u6 = d.users().require("u6", "user");
    assertThat(decayed.recommend(u6, 1, RecommendOptions.defaults()).items()).containsExactly(1);
    assertThat(plain.recommend(u6, 1, RecommendOptions.defaults()).items()).containsExactly(0);
  }

  @Test
  void perCategoryFavoursTheUsersCategories() {
    Interactions d = data();
    PopularModel m = new PopularTrainer(PopularConfig.defaults().withPerCategory(true)).fit(d);
    // u6 only saw category b: "new" (b) beats the globally more popular "old" (a)
    int u6 = d.users().require("u6", "user");
    assertThat(m.recommend(u6, 1, RecommendOptions.defaults()).items()).containsExactly(1);
    int catA = d.itemAttributes().findCategory("a").orElseThrow();
    assertThat(m.topInCategory(catA, 5).items()).containsExactly(0, 3);
  }

  @Test
  void decayWithoutTimestampsIsExplained() {
    Interactions d = Interactions.builder(Feedback.IMPLICIT).add("u", "i", 1).build();
    assertThatThrownBy(
            () -> new PopularTrainer(PopularConfig.defaults().withHalfLifeDays(7)).fit(d))
        .hasMessageContaining("needs timestamps")
        .hasMessageContaining("half_life_days=0");
    assertThatThrownBy(
            () -> new PopularTrainer(PopularConfig.defaults().withPerCategory(true)).fit(d))
        .hasMessageContaining("needs item categories");
  }
}
