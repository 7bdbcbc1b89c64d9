/**
 * Helpers shared by the packages of the demand module: the dense index of (store, item) pairs that
 * sales validation and panel building both use.
 *
 * <p><b>Not API.</b> This package is public only because Java without modules cannot share a class
 * across packages otherwise; it may change or disappear in any release without notice. Code outside
 * the {@code vitrina-demand} module must not use it.
 */
package dev.vitrina.demand.internal;
