package dev.vitrina.recs;

import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.MovieLensReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Shared test data: a seeded synthetic set with planted interests, and the real data folder. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * {@code users} users and {@code items} items in 6 categories (item {@code i} is in category
   * {@code i % 6}); each user favours two categories and draws 10-30 distinct items (at most half
   * the catalogue), 85% from the favourites, with a popularity skew inside each category. One extra
   * user, {@code "cold"}, is known but has no interactions.
   */
  public static Interactions planted(int users, int items, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (int i = 0; i < items; i++) {
      b.itemCategory("i" + i, "cat" + (i % 6));
    }
    int perCat = items / 6;
    long t = 1_700_000_000_000L;
    for (int u = 0; u < users; u++) {
      int fav1 = rnd.nextInt(6);
      int fav2 = (fav1 + 1 + rnd.nextInt(5)) % 6;
      // never more than half the catalogue, so small catalogues terminate
      int n = Math.min(10 + rnd.nextInt(21), items / 2);
      boolean[] has = new boolean[items];
      int added = 0;
      while (added < n) {
        int cat = rnd.nextDouble() < 0.85 ? (rnd.nextBoolean() ? fav1 : fav2) : rnd.nextInt(6);
        // skewed rank within the category: small ranks are popular
        int rank = (int) Math.floor(perCat * Math.pow(rnd.nextDouble(), 2.0));
        int item = rank * 6 + cat;
        if (item >= items || has[item]) {
          continue;
        }
        has[item] = true;
        added++;
        t += 1000L + rnd.nextInt(100_000);
        b.add("u" + u, "i" + item, 1f + rnd.nextInt(3), t);
      }
    }
    b.declareUser("cold");
    return b.build();
  }

  /**
   * The shared real-data folder from the {@code vitrina.data.dir} system property (surefire sets it
   * to {@code <repo>/../shared/data}). A test that needs it is skipped, with the reason printed,
   * only when the folder is absent (a fresh clone without the shared data).
   */
  public static Path dataDir() {
    String dir = System.getProperty("vitrina.data.dir");
    String reason;
    if (dir == null) {
      reason =
          "system property vitrina.data.dir is not set; run through Maven or pass"
              + " -Dvitrina.data.dir=/path/to/shared/data";
    } else if (!Files.isDirectory(Path.of(dir).resolve("movielens-100k"))) {
      reason =
          "no movielens-100k folder under vitrina.data.dir="
              + Path.of(dir).toAbsolutePath()
              + " (the shared data folder sits next to the repository)";
    } else {
      return Path.of(dir);
    }
    System.err.println("skipping a shared-data test: " + reason);
    org.junit.jupiter.api.Assumptions.assumeTrue(false, reason);
    throw new IllegalStateException(reason);
  }

  /** MovieLens 100K from the shared data folder. */
  public static Interactions movieLens100k() throws IOException {
    return MovieLensReader.read(dataDir().resolve("movielens-100k"));
  }
}
