package dev.vitrina.serve.http;

import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.experiments.assign.Variant;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.knn.ItemKnnConfig;
import dev.vitrina.recs.knn.ItemKnnTrainer;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.serve.registry.Loaded;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** The tiny models the server tests train in-process (milliseconds, no fixture files). */
public final class TinyModels {

  private TinyModels() {}

  /** Item-kNN over 60 users ({@code u0..u59}) and 40 titled items ({@code i0..i39}) in 4 genres. */
  public static Recommender model(long seed) {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    String[] genres = {"Action", "Comedy", "Drama", "Horror"};
    for (int i = 0; i < 40; i++) {
      b.itemGenres("i" + i, List.of(genres[i % 4]));
      b.itemTitle("i" + i, "Item " + i);
    }
    Random rnd = new Random(seed);
    long t = 0;
    for (int u = 0; u < 60; u++) {
      for (int j = 0; j < 8; j++) {
        int g = rnd.nextInt(3) == 0 ? (u / 4) % 4 : u % 4;
        b.add("u" + u, "i" + (g + 4 * rnd.nextInt(10)), 1, t++);
      }
    }
    return new ItemKnnTrainer(ItemKnnConfig.defaults()).fit(b.build());
  }

  /** {@code m} as a loaded model of version {@code version}. */
  public static Loaded<Recommender> loaded(Recommender m, String version) {
    return new Loaded<>(m, version, null, Instant.EPOCH);
  }

  /** The experiment of the tests: {@code ranker}, control 70 % and treatment 30 %. */
  public static Experiment experiment() {
    return Experiment.of(
        "ranker", List.of(new Variant("control", 0.7), new Variant("treatment", 0.3)));
  }
}
