package dev.vitrina.recs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.artifact.ArtifactHome;
import dev.vitrina.recs.Fixtures;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.data.ValueTransform;
import dev.vitrina.recs.eval.RankingMetrics;
import dev.vitrina.recs.eval.Split;
import dev.vitrina.recs.eval.Splitters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every recommender must pass: save/load identity, same seed same output, thread-count
 * independence, seen-item filtering, item filters, k bounds, cold and unknown users, batch equal to
 * single, similar items, and better-than-random quality on planted data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RecommenderContract {

  /** A trainer for the model under test with the given seed and thread count. */
  protected abstract Trainer<? extends Recommender> trainer(long seed, int threads);

  protected Interactions data;
  protected Recommender model;

  @BeforeAll
  void fitOnce() {
    data = Fixtures.planted(150, 120, 7);
    model = trainer(42, 2).fit(data);
  }

  private static RecommendOptions opts() {
    return RecommendOptions.defaults();
  }

  private int coldUser() {
    return data.users().require("cold", "user");
  }

  private static void assertSameBatches(BatchRecommendations a, BatchRecommendations b) {
    assertThat(a.numUsers()).isEqualTo(b.numUsers());
    for (int u = 0; u < a.numUsers(); u++) {
      assertThat(a.forUser(u)).as("user %d", u).isEqualTo(b.forUser(u));
    }
  }

  private RecommendOptions batchOpts() {
    return opts().withUnknownUsers(UnknownUserPolicy.FALLBACK_POPULAR);
  }

  @Test
  void saveAndLoadGiveIdenticalOutput(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("model");
    model.save(dir);
    Recommender loaded = RecsModels.load(dir);
    assertThat(loaded.getClass()).isEqualTo(model.getClass());
    assertThat(loaded.parameters()).isEqualTo(model.parameters());
    assertThat(loaded.dataFingerprint()).isEqualTo(model.dataFingerprint());
    assertSameBatches(loaded.recommendAll(10, batchOpts()), model.recommendAll(10, batchOpts()));
    for (int i = 0; i < 20; i++) {
      assertThat(loaded.similarItems(i, 5)).isEqualTo(model.similarItems(i, 5));
    }
  }

  @Test
  void savingAgainPublishesANewVersionAndKeepsTheOldOne(@TempDir Path tmp) throws IOException {
    Path home = tmp.resolve("model");
    model.save(home);
    Path v1 = ArtifactHome.resolve(home);
    Recommender other = trainer(7, 1).fit(data);
    other.save(home);
    Path v2 = ArtifactHome.resolve(home);
    assertThat(v2).isNotEqualTo(v1);
    assertThat(ArtifactHome.versions(home)).containsExactly("v1", "v2");
    // the home loads the newest version; the first stays complete and loadable
    assertSameBatches(
        RecsModels.load(home).recommendAll(10, batchOpts()), other.recommendAll(10, batchOpts()));
    assertSameBatches(
        RecsModels.load(v1).recommendAll(10, batchOpts()), model.recommendAll(10, batchOpts()));
  }

  @Test
  void loadRejectsACorruptedFile(@TempDir Path tmp) throws IOException {
    Path home = tmp.resolve("model");
    model.save(home);
    Path dir = ArtifactHome.resolve(home);
    Path f = dir.resolve("train.data");
    byte[] bytes = Files.readAllBytes(f);
    bytes[bytes.length - 1] ^= 1;
    Files.write(f, bytes);
    assertThatThrownBy(() -> RecsModels.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum mismatch for train.data");
  }

  @Test
  void loadRejectsAFileTheManifestDoesNotList(@TempDir Path tmp) throws IOException {
    Path home = tmp.resolve("model");
    model.save(home);
    Path dir = ArtifactHome.resolve(home);
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest).replaceAll("\\s*\"train\\.data\" : \"[0-9a-f]+\",", ""));
    assertThatThrownBy(() -> RecsModels.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file train.data not listed in " + manifest);
  }

  @Test
  void sameSeedGivesSameOutputAndThreadsDoNotMatter() {
    Recommender again = trainer(42, 1).fit(data);
    assertSameBatches(again.recommendAll(10, batchOpts()), model.recommendAll(10, batchOpts()));
  }

  @Test
  void seenItemsAreExcludedOnlyWhenAsked() {
    UserItemMatrix seen = data.toMatrix(ValueTransform.BINARY);
    boolean anySeenWhenIncluded = false;
    for (int u = 0; u < data.numUsers(); u++) {
      if (u == coldUser()) {
        continue;
      }
      for (int item : model.recommend(u, 20, opts()).items()) {
        assertThat(seen.contains(u, item)).as("user %d item %d", u, item).isFalse();
      }
      for (int item : model.recommend(u, 20, opts().withSeen(SeenItems.INCLUDE)).items()) {
        anySeenWhenIncluded |= seen.contains(u, item);
      }
    }
    assertThat(anySeenWhenIncluded).isTrue();
  }

  @Test
  void itemFiltersAreRespected() {
    RecommendOptions even = opts().withFilter(i -> i % 2 == 0);
    for (int u = 0; u < 30; u++) {
      Recommendations r = model.recommend(u, 10, even);
      assertThat(r.size()).isEqualTo(10);
      assertThat(Arrays.stream(r.items()).allMatch(i -> i % 2 == 0)).isTrue();
    }
    assertThat(model.recommend(0, 10, opts().withFilter(i -> false)).size()).isZero();
    Recommendations fallback =
        model.recommend(
            "someone-new",
            5,
            opts()
                .withUnknownUsers(UnknownUserPolicy.FALLBACK_POPULAR)
                .withFilter(i -> i % 3 == 0));
    assertThat(Arrays.stream(fallback.items()).allMatch(i -> i % 3 == 0)).isTrue();
  }

  @Test
  void kIsBoundedAndListsAreRankedAndDistinct() {
    assertThatThrownBy(() -> model.recommend(0, 0, opts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must be >= 1, got 0");
    assertThatThrownBy(() -> model.recommendAll(-1, opts()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> model.similarItems(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(model.recommend(0, 1, opts()).size()).isEqualTo(1);
    int seen = data.toMatrix(ValueTransform.BINARY).rowNnz(0);
    Recommendations all = model.recommend(0, 10_000, opts());
    assertThat(all.size()).isLessThanOrEqualTo(data.numItems() - seen);
    assertThat(new HashSet<>(Arrays.asList(Arrays.stream(all.items()).boxed().toArray())))
        .hasSize(all.size());
    for (int r = 1; r < all.size(); r++) {
      assertThat(all.scores()[r]).isLessThanOrEqualTo(all.scores()[r - 1]);
    }
    assertThatThrownBy(() -> model.recommend(data.numUsers(), 5, opts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void coldAndUnknownUsersFollowThePolicy() {
    int cold = coldUser();
    assertThatThrownBy(() -> model.recommend(cold, 5, opts()))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("'cold' has no training interactions")
        .hasMessageContaining("FALLBACK_POPULAR");
    assertThatThrownBy(() -> model.recommend("nobody", 5, opts()))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("'nobody' is unknown");
    Recommendations skipped =
        model.recommend("nobody", 5, opts().withUnknownUsers(UnknownUserPolicy.SKIP));
    assertThat(skipped.size()).isZero();
    assertThat(skipped.source()).isEqualTo(Recommendations.Source.SKIPPED);
    Recommendations popular =
        model.recommend(cold, 5, opts().withUnknownUsers(UnknownUserPolicy.FALLBACK_POPULAR));
    assertThat(popular.source()).isEqualTo(Recommendations.Source.POPULAR_FALLBACK);
    int[] counts = data.toMatrix(ValueTransform.BINARY).columnCounts();
    int maxCount = Arrays.stream(counts).max().orElseThrow();
    assertThat(counts[popular.items()[0]]).isEqualTo(maxCount);
    assertThatThrownBy(() -> model.recommendAll(5, opts()))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("1 of " + data.numUsers() + " users");
  }

  /**
   * Whether {@link Recommender#recommendAll} gives bit-identical scores to one-at-a-time requests
   * (true unless the model scores users in batches through a network, where the batch's shape
   * changes the last bits of a float sum; then the items must still agree and the scores be close).
   */
  protected boolean batchScoresAreExact() {
    return true;
  }

  @Test
  void batchEqualsSingle() {
    BatchRecommendations batch = model.recommendAll(7, batchOpts());
    for (int u = 0; u < data.numUsers(); u++) {
      assertSameList(u, batch.forUser(u), model.recommend(u, 7, batchOpts()));
    }
    RecommendOptions filtered = batchOpts().withFilter(i -> i % 5 != 1).withSeen(SeenItems.INCLUDE);
    BatchRecommendations fb = model.recommendAll(4, filtered);
    for (int u = 0; u < data.numUsers(); u += 7) {
      assertSameList(u, fb.forUser(u), model.recommend(u, 4, filtered));
    }
  }

  /** Equal lists; under {@link #batchScoresAreExact()} false, equal items and close scores. */
  private void assertSameList(int user, Recommendations batch, Recommendations one) {
    if (batchScoresAreExact()) {
      assertThat(batch).as("user %d", user).isEqualTo(one);
    } else {
      assertThat(batch.items()).as("user %d", user).isEqualTo(one.items());
      assertThat(batch.scores())
          .as("user %d", user)
          .containsExactly(one.scores(), org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void similarItemsExcludeTheItemAndRejectUnknownItems() {
    for (int i = 0; i < data.numItems(); i += 11) {
      Recommendations r = model.similarItems(i, 8);
      assertThat(r.size()).isBetween(1, 8);
      int item = i;
      assertThat(Arrays.stream(r.items()).noneMatch(j -> j == item)).isTrue();
      assertThat(model.similarItems(data.items().id(i), 8)).isEqualTo(r);
    }
    assertThatThrownBy(() -> model.similarItems("no-such-item", 5))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("'no-such-item'");
  }

  @Test
  void beatsRandomRankingOnPlantedData() {
    Split split = Splitters.randomByUser(data, 0.75, 3);
    Recommender m = trainer(42, 2).fit(split.train());
    UserItemMatrix test = split.test().toMatrix(ValueTransform.BINARY);
    BatchRecommendations recs = m.recommendAll(10, batchOpts());
    SplittableRandom rnd = new SplittableRandom(5);
    double modelNdcg = 0;
    double random = 0;
    int users = 0;
    for (int u = 0; u < test.rows(); u++) {
      int[] truth = test.row(u);
      if (truth.length == 0) {
        continue;
      }
      int[] list = recs.forUser(u).items();
      modelNdcg += RankingMetrics.ndcg(list, 0, list.length, truth, 10);
      Set<Integer> drawn = new HashSet<>();
      int[] rl = new int[10];
      int n = 0;
      while (n < 10) {
        int i = rnd.nextInt(data.numItems());
        if (drawn.add(i)) {
          rl[n++] = i;
        }
      }
      random += RankingMetrics.ndcg(rl, 0, 10, truth, 10);
      users++;
    }
    assertThat(modelNdcg / users).isGreaterThan(2 * random / users);
  }

  /**
   * Whether scoring a user's training history as a request reproduces the trained user exactly
   * (true for models that score from the history directly; iALS folds the user in again, which is
   * close but not identical to the factors of the last training sweep).
   */
  protected boolean historyScoringIsExact() {
    return true;
  }

  /** The raw training rows of {@code user} as a request history (items and values). */
  private RequestContext trainingHistory(int user) {
    Interactions.RowsByUser rows = data.rowsByUser();
    int from = rows.offsets()[user];
    int to = rows.offsets()[user + 1];
    int[] items = new int[to - from];
    float[] values = new float[to - from];
    for (int r = from; r < to; r++) {
      items[r - from] = data.itemIndex(rows.rows()[r]);
      values[r - from] = data.value(rows.rows()[r]);
    }
    return RequestContext.ofHistory().withHistory(items, values);
  }

  @Test
  void aRequestCarryingTheTrainingHistoryRanksLikeTheTrainedUser() {
    double overlap = 0;
    int users = 0;
    for (int u = 0; u < data.numUsers() && users < 30; u++) {
      if (data.rowsByUser().count(u) == 0) {
        continue;
      }
      users++;
      Recommendations trained = model.recommend(u, 10, opts());
      Recommendations fromHistory = model.recommend(trainingHistory(u), 10, opts());
      if (historyScoringIsExact()) {
        assertThat(fromHistory).as("user %d", u).isEqualTo(trained);
      } else {
        Set<Integer> a = new HashSet<>();
        Arrays.stream(trained.items()).forEach(a::add);
        overlap += Arrays.stream(fromHistory.items()).filter(a::contains).count() / 10.0;
      }
    }
    if (!historyScoringIsExact()) {
      assertThat(overlap / users)
          .as("mean top-10 overlap with the trained users")
          .isGreaterThan(0.7);
    }
  }

  @Test
  void scoreGivesTheRankingsScoresForCandidatesAndNaNForUnknownOnes() {
    for (int u = 0; u < 10; u++) {
      Recommendations r = model.recommend(u, 10, opts());
      int[] candidates = Arrays.copyOf(r.items(), r.size() + 2);
      candidates[r.size()] = -5; // out of range
      candidates[r.size() + 1] = model.items().size() + 3;
      float[] out = new float[candidates.length];
      model.score(RequestContext.forUser(u), candidates, out);
      for (int i = 0; i < r.size(); i++) {
        assertThat(out[i]).as("user %d item %d", u, candidates[i]).isEqualTo(r.scores()[i]);
      }
      assertThat(out[r.size()]).isNaN();
      assertThat(out[r.size() + 1]).isNaN();
    }
    assertThatThrownBy(() -> model.score(RequestContext.forUser(0), new int[3], new float[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHistoryFromTheRequestIsScoredAndItsItemsAreSeen() {
    // an anonymous user: five items, none of them from the training matrix of any user id
    int[] history = {3, 17, 17, 42, 60};
    RequestContext ctx = RequestContext.ofHistory(history);
    Recommendations r = model.recommend(ctx, 20, opts());
    assertThat(r.source()).isEqualTo(Recommendations.Source.MODEL);
    assertThat(r.size()).isEqualTo(20);
    for (int item : r.items()) {
      assertThat(item).isNotIn(3, 17, 42, 60);
    }
    Recommendations withSeen = model.recommend(ctx, 120, opts().withSeen(SeenItems.INCLUDE));
    assertThat(withSeen.size()).isGreaterThan(r.size());
    // the same history gives the same answer; a different one may not
    assertThat(model.recommend(RequestContext.ofHistory(history), 20, opts())).isEqualTo(r);
    assertThatThrownBy(() -> model.recommend(RequestContext.ofHistory(-1), 5, opts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void aRequestWithNothingKnownFollowsTheUnknownUserPolicy() {
    RequestContext nobody = RequestContext.ofHistory();
    assertThatThrownBy(() -> model.recommend(nobody, 5, opts()))
        .isInstanceOf(UnknownIdException.class);
    Recommendations pop =
        model.recommend(nobody, 5, opts().withUnknownUsers(UnknownUserPolicy.FALLBACK_POPULAR));
    assertThat(pop.source()).isEqualTo(Recommendations.Source.POPULAR_FALLBACK);
    assertThat(pop.size()).isEqualTo(5);
    // score() falls back to popularity: the most popular item scores highest
    float[] out = new float[pop.size()];
    model.score(nobody, pop.items(), out);
    for (int i = 1; i < out.length; i++) {
      assertThat(out[i]).isLessThanOrEqualTo(out[i - 1]);
    }
  }

  @Test
  void itemSimilarityIsACapabilityConsistentWithSimilarItems() {
    ItemSimilarity sim = model.capability(ItemSimilarity.class).orElseThrow();
    float[] all = new float[model.items().size()];
    for (int item = 0; item < 10; item++) {
      Recommendations top = model.similarItems(item, 5);
      sim.similarities(item, all);
      for (int i = 0; i < top.size(); i++) {
        assertThat(all[top.items()[i]]).isEqualTo(top.scores()[i]);
      }
    }
    assertThat(model.capability(String.class)).isEmpty();
  }
}
