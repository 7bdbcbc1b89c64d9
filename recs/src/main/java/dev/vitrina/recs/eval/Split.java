package dev.vitrina.recs.eval;

import dev.vitrina.recs.data.Interactions;

/**
 * A train/test split. Both sides share the parent's id indexes.
 *
 * @param train the rows to fit on
 * @param test the held-out rows
 * @param description how the split was made, e.g. {@code random-by-user:0.75 seed=42}
 */
public record Split(Interactions train, Interactions test, String description) {}
