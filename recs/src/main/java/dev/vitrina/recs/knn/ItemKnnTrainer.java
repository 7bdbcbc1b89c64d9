package dev.vitrina.recs.knn;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.UserItemMatrix;
import dev.vitrina.recs.internal.Parallel;
import dev.vitrina.recs.internal.TopK;
import dev.vitrina.recs.model.BaseRecommender;
import dev.vitrina.recs.model.Trainer;
import java.util.Arrays;
import java.util.Map;

/**
 * Fits {@link ItemKnnModel}s: weights the user-item matrix, computes for every item the cosine
 * (with shrinkage) to every co-occurring item with a dense accumulator, and keeps the top {@code
 * neighbors}. Time {@code O(sum_u n_u^2)}, memory {@code O(items * neighbors)} plus one dense
 * accumulator per thread.
 */
public final class ItemKnnTrainer implements Trainer<ItemKnnModel> {

  private final ItemKnnConfig config;

  /** A trainer with the given parameters. */
  public ItemKnnTrainer(ItemKnnConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "itemknn";
  }

  @Override
  public Map<String, Object> parameters() {
    return config.toParams();
  }

  @Override
  public ItemKnnModel fit(Interactions data, Progress progress) {
    Trainer.requireRows(data, name());
    UserItemMatrix m = data.toMatrix(config.transform());
    UserItemMatrix w = weight(m, config);
    UserItemMatrix wt = w.transpose();
    int n = m.cols();
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int p = wt.indptr()[i]; p < wt.indptr()[i + 1]; p++) {
        s += (double) wt.data()[p] * wt.data()[p];
      }
      norms[i] = Math.sqrt(s);
    }
    int k = Math.min(config.neighbors(), Math.max(1, n - 1));
    int[] nbr = new int[n * k];
    float[] sim = new float[n * k];
    int[] count = new int[n];
    int threads = config.threads();
    // Per-worker scratch, allocated once per thread (stamps are item numbers, unique across
    // chunks).
    Scratch[] scratch = new Scratch[threads];
    Parallel.forRange(
        n,
        32,
        threads,
        (t, from, to) -> {
          if (scratch[t] == null) {
            scratch[t] = new Scratch(new double[n], new int[n], new int[n], new TopK(k));
          }
          double[] acc = scratch[t].acc();
          int[] touched = scratch[t].touched();
          int[] stamp = scratch[t].stamp();
          TopK top = scratch[t].top();
          for (int i = from; i < to; i++) {
            int nt = 0;
            for (int p = wt.indptr()[i]; p < wt.indptr()[i + 1]; p++) {
              int u = wt.indices()[p];
              double wi = wt.data()[p];
              for (int q = w.indptr()[u]; q < w.indptr()[u + 1]; q++) {
                int j = w.indices()[q];
                if (stamp[j] != i + 1) {
                  stamp[j] = i + 1;
                  touched[nt++] = j;
                }
                acc[j] += wi * w.data()[q];
              }
            }
            top.clear();
            for (int z = 0; z < nt; z++) {
              int j = touched[z];
              double dot = acc[j];
              acc[j] = 0.0;
              if (j != i && dot > 0) {
                top.offer(j, (float) (dot / (norms[i] * norms[j] + config.shrink())));
              }
            }
            count[i] = top.drainTo(nbr, sim, i * k);
          }
        });
    // compact to CSR
    int[] indptr = new int[n + 1];
    for (int i = 0; i < n; i++) {
      indptr[i + 1] = indptr[i] + count[i];
    }
    int[] idx = new int[indptr[n]];
    float[] val = new float[indptr[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(nbr, i * k, idx, indptr[i], count[i]);
      System.arraycopy(sim, i * k, val, indptr[i], count[i]);
    }
    progress.step(1);
    BaseRecommender.Common common = BaseRecommender.Common.of(data, m, config.toParams());
    return new ItemKnnModel(common, indptr, idx, val);
  }

  /** Applies the configured weighting to the user-item matrix. */
  static UserItemMatrix weight(UserItemMatrix m, ItemKnnConfig config) {
    if (config.weighting() == ItemKnnConfig.Weighting.NONE) {
      return m;
    }
    int[] df = m.columnCounts();
    double users = 0;
    for (int u = 0; u < m.rows(); u++) {
      users += m.rowNnz(u) > 0 ? 1 : 0;
    }
    double avgLen = m.nnz() / Math.max(1.0, users);
    float[] out = Arrays.copyOf(m.data(), m.nnz());
    for (int u = 0; u < m.rows(); u++) {
      double lenNorm = 1 - config.bm25B() + config.bm25B() * m.rowNnz(u) / avgLen;
      for (int p = m.indptr()[u]; p < m.indptr()[u + 1]; p++) {
        int i = m.indices()[p];
        double idf = Math.log(users / Math.max(1, df[i]));
        double x = out[p];
        out[p] =
            (float)
                switch (config.weighting()) {
                  case TFIDF -> x * idf;
                  case BM25 -> idf * x * (config.bm25K1() + 1) / (x + config.bm25K1() * lenNorm);
                  case NONE -> x;
                };
      }
    }
    return m.withValues(out);
  }

  private record Scratch(double[] acc, int[] touched, int[] stamp, TopK top) {}
}
