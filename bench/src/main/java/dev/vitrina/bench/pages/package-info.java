/** Page-of-carousels quality and speed benchmarks. */
package dev.vitrina.bench.pages;
