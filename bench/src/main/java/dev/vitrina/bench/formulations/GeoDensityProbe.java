package dev.vitrina.bench.formulations;

import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.eval.RankingMetrics;
import dev.vitrina.recs.model.*;
import dev.vitrina.recs.request.geo.ItemLocations;
import java.nio.file.Path;
import java.util.*;

/**
 * A bound on additive geographic re-ranking for Foursquare Singapore: for a model fitted on the
 * given train file, test Recall@10 of {@code relevance + beta x g(density)} over its top 1,000
 * candidates, where relevance is the min-max scaled model score, density the kernel density of the
 * user's training venues at the candidate ({@code sum exp(-km / sigma)}), and g the density scaled
 * by its maximum over the candidates (linear) or {@code log1p(density) / log1p(max)} (log). Every
 * (form, sigma, beta) is scored on the test file itself: an oracle, an upper bound for this form,
 * never a result. Run: {@code java -cp ... dev.vitrina.bench.formulations.GeoDensityProbe
 * [ials|ease |itemknn|popular]}.
 */
public final class GeoDensityProbe {
  private GeoDensityProbe() {}

  public static void main(String[] a) throws Exception {
    GeoBench.Data d = GeoBench.read(Path.of("../shared/data/foursquare-sg"));
    Interactions train = d.all().select(d.trainRows());
    Interactions test = d.all().select(d.testRows());
    ItemLocations locs = ItemLocations.of(train.itemAttributes());
    String model = a.length > 0 ? a[0] : "ials";
    Recommender m = RecsModels.trainer(model, Map.of()).fit(train);
    int[][] truth = GeoBench.truths(test);
    TrainingData td = m.capability(TrainingData.class).orElseThrow();
    RecommendOptions o =
        new RecommendOptions(SeenItems.EXCLUDE, UnknownUserPolicy.FALLBACK_POPULAR, i -> true);
    double[] sigmas = {0.1, 0.25, 0.5, 1, 2};
    double[] betas = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2};
    int depth = 1000;
    double[][][] rec = new double[2][sigmas.length][betas.length];
    int n = 0;
    for (int u = 0; u < truth.length; u++) {
      if (truth[u].length == 0) continue;
      n++;
      Recommendations r = m.recommend(u, depth, o);
      int[] items = r.items();
      float[] sc = r.scores();
      int[] hist = td.history(u);
      float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
      for (float s : sc) {
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
      }
      double[][] km = new double[items.length][hist.length];
      for (int j = 0; j < items.length; j++)
        for (int h = 0; h < hist.length; h++)
          km[j][h] = locs.distanceKm(locs.point(hist[h]), items[j]);
      for (int si = 0; si < sigmas.length; si++) {
        double[] dens = new double[items.length];
        double dmax = 1e-12;
        for (int j = 0; j < items.length; j++) {
          double s = 0;
          for (int h = 0; h < hist.length; h++)
            if (!Double.isNaN(km[j][h])) s += Math.exp(-km[j][h] / sigmas[si]);
          dens[j] = s;
          dmax = Math.max(dmax, s);
        }
        for (int form = 0; form < 2; form++)
          for (int bi = 0; bi < betas.length; bi++) {
            double[] f = new double[items.length];
            Integer[] ord = new Integer[items.length];
            for (int j = 0; j < items.length; j++) {
              double rel = hi > lo ? (sc[j] - lo) / (hi - lo) : 1;
              double g = form == 0 ? dens[j] / dmax : Math.log1p(dens[j]) / Math.log1p(dmax);
              f[j] = rel + betas[bi] * g;
              ord[j] = j;
            }
            Arrays.sort(ord, (x, y) -> Double.compare(f[y], f[x]));
            int[] top = new int[Math.min(10, items.length)];
            for (int j = 0; j < top.length; j++) top[j] = items[ord[j]];
            rec[form][si][bi] += RankingMetrics.recall(top, 0, top.length, truth[u], 10);
          }
      }
    }
    for (int form = 0; form < 2; form++)
      for (int si = 0; si < sigmas.length; si++) {
        StringBuilder sb =
            new StringBuilder((form == 0 ? "lin" : "log") + " sigma " + sigmas[si] + ":");
        for (int bi = 0; bi < betas.length; bi++)
          sb.append(String.format(" b%.2f=%.4f", betas[bi], rec[form][si][bi] / n));
        System.out.println(model + " " + sb);
      }
  }
}
