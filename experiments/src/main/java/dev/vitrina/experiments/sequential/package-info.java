/**
 * Always-valid sequential inference: the normal-mixture mSPRT and its confidence sequences, so that
 * an experiment can be looked at every day without inflating false positives. Start at {@link
 * dev.vitrina.experiments.sequential.SequentialMonitor}.
 */
package dev.vitrina.experiments.sequential;
