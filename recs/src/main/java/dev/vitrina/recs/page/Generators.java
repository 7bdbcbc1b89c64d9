package dev.vitrina.recs.page;

import dev.vitrina.recs.data.AttributeColumn;
import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.model.ItemEmbeddings;
import dev.vitrina.recs.model.ItemSimilarity;
import dev.vitrina.recs.model.TrainingData;
import dev.vitrina.recs.request.Reason;
import dev.vitrina.recs.request.geo.DistanceDecay;
import dev.vitrina.recs.request.geo.ItemLocations;
import dev.vitrina.recs.request.geo.RadiusFilter;
import dev.vitrina.recs.request.interest.Interest;
import dev.vitrina.recs.request.interest.InterestProfiler;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in row generators. Each is stateless; {@link #standard()} is the set the page composer
 * uses by default.
 */
public final class Generators {

  private Generators() {}

  /**
   * All built-in generators: for you, one row per interest, top per genre, because you used X,
   * trending, new.
   */
  public static List<RowGenerator> standard() {
    return List.of(
        forYou(),
        interests(InterestProfiler.defaults()),
        nearYou(RadiusFilter.DEFAULT_RADIUS_KM),
        perGenre(5),
        because(3),
        trending(0.05),
        newForYou(0.1));
  }

  /**
   * "Near you": for a request with a location and a catalogue with item coordinates, the items
   * within {@code radiusKm}, ranked by relevance times the fitted distance decay ({@link
   * DistanceDecay#DEFAULT}). The row's reason names the radius.
   */
  public static RowGenerator nearYou(double radiusKm) {
    return new Named("near_you") {
      @Override
      public List<Row> rows(PageState s, int length) {
        var state = s.request();
        boolean located =
            s.catalog()
                .column(ItemLocations.LOCATION)
                .map(c -> c.kind() == AttributeColumn.Kind.GEO_POINT)
                .orElse(false);
        if (!state.hasLocation() || !located) {
          return List.of();
        }
        ItemLocations loc = ItemLocations.of(s.catalog());
        float[] key = new float[s.numItems()];
        for (int i = 0; i < key.length; i++) {
          double km = loc.point(i) == null ? Double.NaN : loc.distanceKm(state.location(), i);
          key[i] =
              km <= radiusKm
                  ? (float) (s.relevance(i) * DistanceDecay.DEFAULT.factor(km) + 1e-9)
                  : Float.NaN;
        }
        int[] items = s.top(length, i -> true, key);
        return items.length == 0
            ? List.of()
            : List.of(
                new Row(
                    name(),
                    "Near you",
                    new Reason("near", java.util.Map.of("radius_km", radiusKm)),
                    -1,
                    items));
      }
    };
  }

  /**
   * One row per interest of the user ({@link InterestProfiler}): for a category interest, the
   * user's best-scored items of that category; for an embedding cluster, the items of the user's
   * candidate pool ({@value #POOL} best-scored items) whose vectors are closest to the cluster's
   * centroid. No rows when the catalogue has no categories and the model no item vectors.
   */
  public static RowGenerator interests(InterestProfiler profiler) {
    return new Named("interest") {
      @Override
      public List<Row> rows(PageState s, int length) {
        var model = s.request().model();
        var emb = model.capability(ItemEmbeddings.class);
        var catalog = s.catalog();
        if (!s.request().hasHistory() || !(catalog.hasCategories() || emb.isPresent())) {
          return List.of();
        }
        List<Row> out = new ArrayList<>();
        int[] pool = null;
        float[][] vectors = null;
        for (Interest in : profiler.interests(s.request())) {
          int[] items;
          if (in.centroid() == null) {
            int code = in.category();
            items = s.top(length, i -> catalog.categoryCode(i) == code);
          } else if (emb.isPresent()) {
            if (pool == null) {
              pool = s.pool(POOL);
              vectors = s.poolVectors(POOL);
            }
            // the pool's items nearest the centroid (only the pool has a key: no full scan)
            TopK top = new TopK(Math.max(1, length));
            for (int q = 0; q < pool.length; q++) {
              float c = cosine(in.centroid(), vectors[q]);
              if (c >= top.threshold() && s.allowed(pool[q])) {
                top.offer(pool[q], c);
              }
            }
            items = new int[top.size()];
            top.drainTo(items, new float[items.length], 0);
          } else {
            continue;
          }
          if (items.length > 0) {
            out.add(
                new Row(
                    name(),
                    "For your interest in " + in.label(),
                    Reason.interest(in.label(), in.weight()),
                    in.category(),
                    items));
          }
        }
        return out;
      }
    };
  }

  /** "Top picks for you": the model's best items for the user (popular ones for a cold user). */
  public static RowGenerator forYou() {
    return new Named("for_you") {
      @Override
      public List<Row> rows(PageState s, int length) {
        int[] items = s.top(length, i -> true);
        Reason why =
            s.personal() ? Reason.profile(s.request().model().name()) : Reason.popular(coldWhy(s));
        return items.length == 0
            ? List.of()
            : List.of(
                new Row(name(), s.personal() ? "Top picks for you" : "Popular", why, -1, items));
      }
    };
  }

  /**
   * "Top in G" for every genre (or category) with at least {@code minItems} allowed items, ranked
   * inside by the user's score.
   */
  public static RowGenerator perGenre(int minItems) {
    return new Named("genre") {
      @Override
      public List<Row> rows(PageState s, int length) {
        String[] names = s.genreNames();
        int[][] tops = s.topPerGenre(length);
        List<Row> out = new ArrayList<>();
        for (int g = 0; g < tops.length; g++) {
          if (tops[g].length >= minItems) {
            out.add(new Row(name(), "Top in " + names[g], Reason.category(names[g]), g, tops[g]));
          }
        }
        return out;
      }
    };
  }

  /**
   * "Because you watched X" for each of the user's {@code recent} most recent items: the items most
   * similar to X by the model. With item embeddings (iALS) the similarity is the cosine of the item
   * vectors over the user's candidate pool (the {@value #POOL} items the user's model scores
   * highest), so a row stays personal and costs {@code O(POOL x dimension)}; otherwise the model's
   * own item-to-item similarity over all items (needs {@link ItemSimilarity}).
   */
  public static RowGenerator because(int recent) {
    return new Named("because") {
      @Override
      public List<Row> rows(PageState s, int length) {
        int[] history = s.request().history();
        var model = s.request().model();
        var emb = model.capability(ItemEmbeddings.class);
        var sim = model.capability(ItemSimilarity.class);
        if (history.length == 0 || (emb.isEmpty() && sim.isEmpty())) {
          return List.of();
        }
        List<Row> out = new ArrayList<>();
        float[] buf = new float[s.numItems()];
        int[] pool = emb.isPresent() ? s.pool(POOL) : null;
        float[][] poolVectors = emb.isPresent() ? s.poolVectors(POOL) : null;
        for (int j = history.length - 1; j >= Math.max(0, history.length - recent); j--) {
          int x = history[j];
          int[] items;
          if (pool != null) {
            float[] v = new float[emb.get().dimension()];
            emb.get().itemVector(x, v);
            java.util.Arrays.fill(buf, Float.NaN);
            for (int q = 0; q < pool.length; q++) {
              buf[pool[q]] = cosine(v, poolVectors[q]);
            }
          } else {
            sim.get().similarities(x, buf);
            for (int i = 0; i < buf.length; i++) {
              if (Float.isInfinite(buf[i])) {
                buf[i] = Float.NaN;
              }
            }
          }
          items = s.top(length, i -> i != x, buf);
          if (items.length > 0) {
            String id = s.request().itemId(x);
            String title = s.request().title(x).orElse(id);
            out.add(
                new Row(
                    name(), "Because you liked " + title, Reason.because(id, title), -1, items));
          }
        }
        return out;
      }
    };
  }

  /** The candidate pool size of {@link #because}. */
  public static final int POOL = 3000;

  private static float cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? Float.NaN : (float) (dot / Math.sqrt(na * nb));
  }

  /**
   * "Trending now": items by popularity with recent use weighted up, the weight halving every
   * {@code halfLifeShare} of the training interactions.
   */
  public static RowGenerator trending(double halfLifeShare) {
    return new Named("trending") {
      @Override
      public List<Row> rows(PageState s, int length) {
        TrainingData t = s.training().orElse(null);
        if (t == null) {
          return List.of();
        }
        double[] pop = t.recentPopularity(Math.max(1, halfLifeShare * t.interactionCount()));
        float[] key = new float[pop.length];
        for (int i = 0; i < pop.length; i++) {
          key[i] = pop[i] > 0 ? (float) pop[i] : Float.NaN;
        }
        int[] items = s.top(length, i -> true, key);
        return items.length == 0
            ? List.of()
            : List.of(new Row(name(), "Trending now", Reason.trending(), -1, items));
      }
    };
  }

  /**
   * "New for you": items first used in the newest {@code newestShare} of the training interactions,
   * ranked by the user's score.
   */
  public static RowGenerator newForYou(double newestShare) {
    return new Named("new") {
      @Override
      public List<Row> rows(PageState s, int length) {
        TrainingData t = s.training().orElse(null);
        if (t == null) {
          return List.of();
        }
        int[] first = t.firstUse();
        int from = (int) Math.floor((1 - newestShare) * t.interactionCount());
        int[] items = s.top(length, i -> first[i] >= from);
        return items.length == 0
            ? List.of()
            : List.of(new Row(name(), "New for you", Reason.newItem(), -1, items));
      }
    };
  }

  static String coldWhy(PageState s) {
    return s.request().request().user() == null
        ? "anonymous user"
        : s.request().user() < 0 ? "user unknown to the model" : "user without training history";
  }

  private abstract static class Named implements RowGenerator {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }
  }
}
