/** Validation reports: counts of rows read, kept and rejected, with the first offending rows. */
package dev.vitrina.core.validate;
