/** Statistical building blocks shared by the analysis and the sequential tests: intervals. */
package dev.vitrina.experiments.stats;
