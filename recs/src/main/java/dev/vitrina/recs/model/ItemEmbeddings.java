package dev.vitrina.recs.model;

/** A model with a dense vector per item (e.g. iALS item factors), for retrieval and diversity. */
public interface ItemEmbeddings {

  /** The vector length. */
  int dimension();

  /** Copies item {@code item}'s vector into {@code out} (length {@link #dimension()}). */
  void itemVector(int item, float[] out);
}
