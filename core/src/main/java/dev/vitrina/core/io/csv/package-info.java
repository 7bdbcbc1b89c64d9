/**
 * Streaming CSV/TSV reading with a reusable row view ({@link dev.vitrina.core.io.csv.CsvReader})
 * and atomic CSV writing for reports ({@link dev.vitrina.core.io.csv.CsvWriter}).
 */
package dev.vitrina.core.io.csv;
