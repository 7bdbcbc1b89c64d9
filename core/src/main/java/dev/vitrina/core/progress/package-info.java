/**
 * Progress reporting for long work: a bar on a terminal, plain lines in CI or redirected output.
 */
package dev.vitrina.core.progress;
