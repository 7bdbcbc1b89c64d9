/**
 * Interaction data: external ids mapped once to dense ints, row arrays, item and user attributes,
 * the CSR user-item matrix the algorithms read, and validating readers (MovieLens, CSV/TSV,
 * Parquet) on core's table layer ({@link dev.vitrina.core.table.Tables}).
 */
package dev.vitrina.recs.data;
