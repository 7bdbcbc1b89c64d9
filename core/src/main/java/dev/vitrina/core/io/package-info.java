/**
 * File formats in core: {@link dev.vitrina.core.io.csv} streams CSV/TSV. The Parquet codec lives in
 * its own module ({@code vitrina-parquet}, package {@code dev.vitrina.parquet}).
 */
package dev.vitrina.core.io;
