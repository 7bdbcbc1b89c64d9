package dev.vitrina.bench.serve;

import dev.vitrina.bench.BenchArgs;
import dev.vitrina.bench.recs.AlsBench;
import dev.vitrina.recs.als.IalsConfig;
import dev.vitrina.recs.als.IalsTrainer;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.model.Recommender;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains and saves the model the service's load test serves: iALS with 64 factors on a synthetic
 * catalogue (default 100,000 items and 1,000,000 users, seeded), with titles and 20 genres so that
 * pages have genre rows.
 *
 * <p>Arguments: {@code --out DIR} (required), {@code --users N}, {@code --items N}, {@code
 * --iterations N}, {@code --seed N}.
 */
public final class ServeModelBench {

  private ServeModelBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = BenchArgs.parse(args);
    String outArg = a.get("out");
    if (outArg == null) {
      throw new IllegalArgumentException("--out DIR is required: where to save the model");
    }
    Path out = Path.of(outArg);
    int users = Integer.parseInt(a.getOrDefault("users", "1000000"));
    int items = Integer.parseInt(a.getOrDefault("items", "100000"));
    int iterations = Integer.parseInt(a.getOrDefault("iterations", "2"));
    long seed = Long.parseLong(a.getOrDefault("seed", "42"));
    long t0 = System.nanoTime();
    Interactions data = AlsBench.generate(new AlsBench.Shape(users, items, 20, seed));
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    Random rnd = new Random(seed);
    for (int i = 0; i < data.numItems(); i++) {
      String id = data.items().id(i);
      b.itemGenres(id, List.of("genre " + rnd.nextInt(20)));
      b.itemTitle(id, "item " + id);
    }
    data = data.withItemAttributes(b.build().itemAttributes());
    long t1 = System.nanoTime();
    Recommender model =
        new IalsTrainer(
                IalsConfig.defaults().withFactors(64).withIterations(iterations).withSeed(seed))
            .fit(data);
    long t2 = System.nanoTime();
    model.save(out);
    System.out.printf(
        Locale.ROOT,
        "model: iALS 64 factors, %,d users, %,d items, %,d interactions; generated in %.1f s,"
            + " fitted in %.1f s, saved to %s%n",
        data.numUsers(),
        data.numItems(),
        data.size(),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        out);
  }
}
