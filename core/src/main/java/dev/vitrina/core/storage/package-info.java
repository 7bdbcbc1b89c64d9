/** Storage paths and atomic writes: a crash never leaves a half-written dataset or model. */
package dev.vitrina.core.storage;
