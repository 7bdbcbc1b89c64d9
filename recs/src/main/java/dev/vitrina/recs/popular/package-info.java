/**
 * Popularity baselines: items ranked by interaction count, optionally time-decayed, optionally
 * within the categories each user favours.
 */
package dev.vitrina.recs.popular;
