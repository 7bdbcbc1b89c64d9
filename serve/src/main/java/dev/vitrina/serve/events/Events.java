package dev.vitrina.serve.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a batch of events posted as JSON: an array of objects, or {@code {"events":
 * [...]}}. Fields of an event:
 *
 * <pre>
 *   id          required  the idempotency key (1 to 200 characters)
 *   type        required  a lower-case word: impression, click, purchase, exposure, ...
 *   user        required  a string or an integer
 *   item        optional  a string or an integer
 *   time        optional  ISO-8601 with an offset, e.g. 2026-05-01T12:00:00Z; default: now
 *   experiment  optional  required for exposures
 *   variant     optional  required for exposures; needs an experiment
 *   value       optional  a finite number; default 1; required for purchases (the amount)
 * </pre>
 *
 * A batch is taken whole or not at all: {@link Parsed#errors()} names every bad field by index.
 */
public final class Events {

  /** The type of an exposure event (a user assigned to a variant of an experiment). */
  public static final String EXPOSURE = "exposure";

  /** The most events one batch may hold. */
  public static final int MAX_BATCH = 10_000;

  private static final int MAX_ID = 200;
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Set<String> FIELDS =
      Set.of("id", "type", "user", "item", "time", "experiment", "variant", "value");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /**
   * One problem with a batch.
   *
   * @param index the position of the event in the batch, or -1 for the body as a whole
   * @param field the field ({@code id}, {@code time}, ...), or {@code body}
   * @param value the bad value as text (null when missing)
   * @param message the rule and how to fix it
   */
  public record Problem(int index, String field, String value, String message) {
    /** The parameter as the HTTP error body names it: {@code events[3].time}, or {@code body}. */
    public String parameter() {
      return index < 0 ? field : "events[" + index + "]." + field;
    }
  }

  /**
   * The outcome of parsing: the events when {@code errors} is empty, else no events.
   *
   * @param events the events, in batch order
   * @param errors the problems, in batch order
   */
  public record Parsed(List<Event> events, List<Problem> errors) {
    /** Copies. */
    public Parsed {
      events = List.copyOf(events);
      errors = List.copyOf(errors);
    }

    /** Whether the batch is valid. */
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Parses {@code body}, taking the current time as the time of events without one. */
  public static Parsed fromJson(String body) {
    return fromJson(body, Instant.now());
  }

  /** Parses {@code body}, taking {@code now} as the time of events without one. */
  public static Parsed fromJson(String body, Instant now) {
    JsonNode root;
    try {
      root = JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      return fail(
          new Problem(
              -1,
              "body",
              null,
              "the body is not valid JSON ("
                  + e.getOriginalMessage()
                  + " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + "); send an array of events or {\"events\": [...]}"));
    }
    JsonNode array = root;
    if (root != null && root.isObject() && root.has("events") && root.size() == 1) {
      array = root.get("events");
    }
    if (array == null || !array.isArray()) {
      return fail(
          new Problem(
              -1,
              "body",
              root == null || root.isMissingNode() ? null : abbreviate(root.toString()),
              "the body must be a JSON array of events or {\"events\": [...]}, e.g."
                  + " [{\"id\":\"e1\",\"type\":\"click\",\"user\":\"u1\",\"item\":\"i9\"}]"));
    }
    if (array.size() > MAX_BATCH) {
      return fail(
          new Problem(
              -1,
              "body",
              Integer.toString(array.size()),
              "a batch holds at most " + MAX_BATCH + " events; split it into smaller batches"));
    }
    List<Event> events = new ArrayList<>();
    List<Problem> errors = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Event e = event(i, array.get(i), now, errors);
      if (e != null) {
        events.add(e);
      }
    }
    return errors.isEmpty() ? new Parsed(events, List.of()) : new Parsed(List.of(), errors);
  }

  private static Parsed fail(Problem e) {
    return new Parsed(List.of(), List.of(e));
  }

  private static Event event(int i, JsonNode n, Instant now, List<Problem> errors) {
    if (!n.isObject()) {
      errors.add(
          new Problem(
              i,
              "event",
              abbreviate(n.toString()),
              "an event must be a JSON object with at least id, type and user"));
      return null;
    }
    int before = errors.size();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!FIELDS.contains(name)) {
        errors.add(
            new Problem(
                i,
                name,
                null,
                "unknown field '"
                    + name
                    + "'; an event has the fields id, type, user, item, time, experiment,"
                    + " variant, value"));
      }
    }
    String id = text(i, n, "id", true, errors);
    if (id != null && id.length() > MAX_ID) {
      errors.add(
          new Problem(
              i,
              "id",
              abbreviate(id),
              "id is " + id.length() + " characters long; use at most " + MAX_ID));
    }
    String type = text(i, n, "type", true, errors);
    if (type != null && !TYPE.matcher(type).matches()) {
      errors.add(
          new Problem(
              i,
              "type",
              abbreviate(type),
              "type must be a lower-case word (letters, digits, _) such as click, purchase or"
                  + " exposure"));
    }
    String user = text(i, n, "user", true, errors);
    String item = text(i, n, "item", false, errors);
    String experiment = text(i, n, "experiment", false, errors);
    String variant = text(i, n, "variant", false, errors);
    Instant time = now;
    JsonNode t = n.get("time");
    if (t != null && !t.isNull()) {
      try {
        time = OffsetDateTime.parse(t.asText()).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(
            new Problem(
                i,
                "time",
                abbreviate(t.asText()),
                "time must be ISO-8601 with an offset, e.g. 2026-05-01T12:00:00Z, or be left out"
                    + " (now)"));
      }
    }
    double value = 1;
    JsonNode v = n.get("value");
    if (v != null && !v.isNull()) {
      if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
        errors.add(
            new Problem(
                i,
                "value",
                abbreviate(v.toString()),
                "value must be a finite number such as 12.5, or be left out (1)"));
      } else {
        value = v.asDouble();
      }
    } else if ("purchase".equals(type)) {
      errors.add(
          new Problem(
              i, "value", null, "a purchase needs its amount as value, e.g. \"value\": 23.5"));
    }
    if (EXPOSURE.equals(type)) {
      if (experiment == null && n.get("experiment") == null) {
        errors.add(
            new Problem(
                i,
                "experiment",
                null,
                "an exposure needs the experiment the user was assigned in"));
      }
      if (variant == null && n.get("variant") == null) {
        errors.add(
            new Problem(
                i, "variant", null, "an exposure needs the variant the user was assigned to"));
      }
    }
    if (variant != null && experiment == null && n.get("experiment") == null) {
      errors.add(
          new Problem(
              i,
              "experiment",
              null,
              "a variant needs its experiment; add \"experiment\" or leave out \"variant\""));
    }
    if (errors.size() > before) {
      return null;
    }
    return new Event(id, type, user, item, time, experiment, variant, value);
  }

  /** A string (or integer) field; adds an error when it is required and missing or malformed. */
  private static String text(
      int i, JsonNode n, String field, boolean required, List<Problem> errors) {
    JsonNode f = n.get(field);
    if (f == null || f.isNull()) {
      if (required) {
        errors.add(new Problem(i, field, null, field + " is required"));
      }
      return null;
    }
    if (!(f.isTextual() || f.isIntegralNumber())) {
      errors.add(
          new Problem(
              i,
              field,
              abbreviate(f.toString()),
              field
                  + " must be a string or an integer, not "
                  + f.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
      return null;
    }
    String s = f.asText();
    if (s.isBlank()) {
      errors.add(
          new Problem(
              i,
              field,
              s,
              field + " must not be empty" + (required ? "" : "; leave it out instead")));
      return null;
    }
    return s;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
