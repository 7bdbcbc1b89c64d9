/**
 * The model registry: versioned model artifacts under a folder (local or {@code s3://}) with an
 * atomically updated pointer per role, and the watcher that swaps the served model without a
 * restart.
 */
package dev.vitrina.serve.registry;
