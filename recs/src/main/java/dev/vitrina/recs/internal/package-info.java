/**
 * Helpers shared by the recommender packages of this module: the bounded top-k heap, the
 * deterministic range-parallel loop and the binary array files models are saved in.
 *
 * <p><b>Not API.</b> This package is public only because Java without modules cannot share a class
 * across packages otherwise; it may change or disappear in any release without notice. Code outside
 * the {@code vitrina-recs} module must not use it.
 */
package dev.vitrina.recs.internal;
