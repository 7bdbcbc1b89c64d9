package dev.vitrina.recs.model;

/** A model with a dense vector per item (e.g. iALS item factors), for retrieval and diversity. */
public interface ItemEmbeddings {

  /** The vector length. */
  int dimension();

  /** Copies item {@code item}'s vector into {@code out} (length {@link #dimension()}). */
  void itemVector(int item, float[] out);

  /**
   * Dot products of each query with every item: {@code out[q][i] = queries[q] . item i} for {@code
   * i < out[q].length} (the number of items). The default copies each item's vector once; a model
   * that keeps its vectors packed answers it with its scoring kernel.
   */
  default void dotAll(float[][] queries, float[][] out) {
    float[] v = new float[dimension()];
    int items = out.length == 0 ? 0 : out[0].length;
    for (int i = 0; i < items; i++) {
      itemVector(i, v);
      for (int q = 0; q < queries.length; q++) {
        float s = 0;
        for (int t = 0; t < v.length; t++) {
          s += queries[q][t] * v[t];
        }
        out[q][i] = s;
      }
    }
  }
}
