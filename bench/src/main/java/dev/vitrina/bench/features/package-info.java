/** The feature-engine benchmark against DuckDB and polars. */
package dev.vitrina.bench.features;
