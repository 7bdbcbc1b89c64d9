/**
 * Item-based k-nearest-neighbour collaborative filtering (Sarwar et al., WWW 2001; Deshpande and
 * Karypis, TOIS 2004): cosine similarity with shrinkage over optionally TF-IDF or BM25 weighted
 * interactions, keeping the top neighbours of each item.
 */
package dev.vitrina.recs.knn;
