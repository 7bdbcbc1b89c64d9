/**
 * What vitrina's flows share: ids, columnar I/O, validation, storage, progress, checks and
 * artifacts. See the sub-packages.
 */
package dev.vitrina.core;
