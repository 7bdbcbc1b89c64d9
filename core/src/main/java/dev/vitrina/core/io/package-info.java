/**
 * File formats: {@link dev.vitrina.core.io.parquet} reads and writes Parquet without Hadoop, {@link
 * dev.vitrina.core.io.csv} streams CSV/TSV.
 */
package dev.vitrina.core.io;
