/** The feature job on Apache Spark, running the local engine's per-series kernel per group. */
package dev.vitrina.spark;
