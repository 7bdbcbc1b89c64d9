package dev.vitrina.serve.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged event.
 *
 * @param id the idempotency key: an event whose id is already in the log is not written again, so a
 *     client may retry a batch safely
 * @param type {@code impression}, {@code click}, {@code purchase}, {@code exposure} or another
 *     lower-case word
 * @param user the user (the experiment's unit)
 * @param item the item, or null (exposures have none)
 * @param time when it happened
 * @param experiment the experiment, or null
 * @param variant the variant the user was assigned to, or null
 * @param value a numeric value (1 for a click, the amount for a purchase)
 */
public record Event(
    String id,
    String type,
    String user,
    String item,
    Instant time,
    String experiment,
    String variant,
    double value) {
  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(time, "time");
  }
}
