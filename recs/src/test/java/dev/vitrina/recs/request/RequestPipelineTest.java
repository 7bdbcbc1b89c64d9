package dev.vitrina.recs.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.geo.GeoPoint;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.knn.ItemKnnConfig;
import dev.vitrina.recs.knn.ItemKnnTrainer;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.TrainingData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestPipelineTest {

  /** u1 used a then b then c (in time); everyone likes a, b, c, d; e is rare. */
  static Interactions data() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    b.add("u1", "c", 1, 30).add("u1", "a", 1, 10).add("u1", "b", 1, 20);
    b.add("u2", "a", 1, 1).add("u2", "d", 1, 2).add("u2", "b", 1, 3);
    b.add("u3", "a", 1, 1).add("u3", "d", 1, 2).add("u3", "c", 1, 3);
    b.add("u4", "d", 1, 1).add("u4", "e", 1, 2);
    b.itemTitle("d", "Dune");
    return b.build();
  }

  static Recommender model() {
    return new ItemKnnTrainer(ItemKnnConfig.defaults()).fit(data());
  }

  @Test
  void trainingHistoryIsOldestFirstAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
    Recommender m = model();
    int u1 = m.users().find("u1").orElseThrow();
    TrainingData t = m.capability(TrainingData.class).orElseThrow();
    assertThat(ids(m, t.history(u1))).containsExactly("a", "b", "c");
    m.save(dir.resolve("m"));
    Recommender back = RecsModels.load(dir.resolve("m"));
    TrainingData tb = back.capability(TrainingData.class).orElseThrow();
    assertThat(ids(back, tb.history(u1))).containsExactly("a", "b", "c");
    int d = back.items().find("d").orElseThrow();
    assertThat(tb.itemAttributes().title(d)).contains("Dune");
  }

  @Test
  void everyItemCarriesAReasonAndSeenItemsNeverComeBack() {
    RecResponse r = Pipelines.standard(model()).recommend(RecRequest.forUser("u1", 5));
    assertThat(r.source()).isEqualTo("model");
    assertThat(r.itemIds()).doesNotContain("a", "b", "c").contains("d");
    assertThat(r.items()).allSatisfy(i -> assertThat(i.reasons()).isNotEmpty());
    assertThat(r.items().get(0).reasons().get(0).kind()).isEqualTo("profile");
    RecResponse.Item dune =
        r.items().stream().filter(i -> i.item().equals("d")).findFirst().orElseThrow();
    assertThat(dune.title()).isEqualTo("Dune");
    assertThat(r.items()).extracting(RecResponse.Item::rank).startsWith(1, 2);
  }

  @Test
  void exclusionsAreHonoured() {
    RecResponse r =
        Pipelines.standard(model()).recommend(RecRequest.forUser("u1", 5).excluding(Set.of("d")));
    assertThat(r.itemIds()).doesNotContain("d", "a", "b", "c");
  }

  @Test
  void anUnknownUserGetsPopularItemsSaidSoInTheReasons() {
    RecResponse r = Pipelines.standard(model()).recommend(RecRequest.forUser("nobody", 3));
    assertThat(r.source()).isEqualTo("popular_fallback");
    assertThat(r.itemIds()).hasSize(3).startsWith("a");
    assertThat(r.items().get(0).reasons().get(0).kind()).isEqualTo("popular");
    assertThat(r.items().get(0).reasons().get(0).detail().get("why"))
        .isEqualTo("user unknown to the model");
  }

  @Test
  void anUnknownTriggerIsAParameterError() {
    assertThatThrownBy(
            () ->
                Pipelines.standard(model())
                    .recommend(RecRequest.forUser("u1", 3).withTrigger("zz")))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("trigger")
        .hasMessageContaining("'zz'");
  }

  @Test
  void aContextTheUserDoesNotHaveNamesTheContextAndTheUsersPlaces() {
    Recommender m = model();
    int u1 = m.users().find("u1").orElseThrow();
    Places places =
        new Places() {
          @Override
          public List<String> names(int user) {
            return user == u1 ? List.of("home") : List.of();
          }

          @Override
          public Optional<GeoPoint> place(int user, String name) {
            return user == u1 && name.equals("home")
                ? Optional.of(new GeoPoint(1.3, 103.8))
                : Optional.empty();
          }
        };
    RequestPipeline p = RequestPipeline.builder(m).places(places).build();
    assertThat(p.resolve(RecRequest.forUser("u1", 3).atContext("home")).location())
        .isEqualTo(new GeoPoint(1.3, 103.8));
    assertThatThrownBy(() -> p.recommend(RecRequest.forUser("u1", 3).atContext("gym")))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("context")
        .hasMessageContaining("'gym'")
        .hasMessageContaining("[home]");
    assertThatThrownBy(() -> p.recommend(RecRequest.forUser("u2", 3).atContext("home")))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("no named locations");
  }

  @Test
  void badLocationsAndSizesNameTheirParameter() {
    assertThatThrownBy(() -> Pipelines.point(91, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("lat");
    assertThatThrownBy(() -> Pipelines.point(0, 200))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("lon");
    assertThatThrownBy(() -> RecRequest.forUser("u1", 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("k");
    assertThatThrownBy(
            () -> new RecRequest("u1", 3, Set.of(), new GeoPoint(1, 1), "home", null, null, false))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("context");
  }

  @Test
  void rerankersRunInOrderAndFiltersDropTheirItems() {
    Reranker reverse =
        new Reranker() {
          @Override
          public String name() {
            return "reverse";
          }

          @Override
          public boolean applies(RequestState s) {
            return true;
          }

          @Override
          public List<Candidate> rerank(RequestState s, List<Candidate> in, int k) {
            return in.reversed();
          }
        };
    CandidateFilter noD =
        new CandidateFilter() {
          @Override
          public String name() {
            return "no-d";
          }

          @Override
          public boolean applies(RequestState s) {
            return true;
          }

          @Override
          public boolean keep(RequestState s, Candidate c) {
            return !s.itemId(c.item()).equals("d");
          }
        };
    Recommender m = model();
    List<String> plain = Pipelines.standard(m).recommend(RecRequest.forUser("u2", 5)).itemIds();
    RecResponse r =
        RequestPipeline.builder(m)
            .reranker(reverse)
            .filter(noD)
            .build()
            .recommend(RecRequest.forUser("u2", 5));
    assertThat(r.itemIds())
        .containsExactlyElementsOf(plain.reversed().stream().filter(i -> !i.equals("d")).toList());
    assertThat(r.stages()).containsExactly("model", "reverse");
  }

  private static List<String> ids(Recommender m, int[] items) {
    return java.util.Arrays.stream(items).mapToObj(i -> m.items().id(i)).toList();
  }
}
