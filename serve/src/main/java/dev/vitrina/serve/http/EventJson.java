package dev.vitrina.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.json.Json;
import dev.vitrina.serve.events.Event;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a {@code POST /v1/events} body: {@code {"events":[{...}]}} or a bare array, each event
 * with {@code id}, {@code type}, {@code user}, and optionally {@code item}, {@code time} (ISO-8601,
 * default now), {@code experiment}, {@code variant} and {@code value} (default 1). Every bad event
 * is named ({@code events[3].type}) in one {@link BadRequest}.
 */
final class EventJson {
  static final int MAX_BATCH = 10_000;

  private EventJson() {}

  static List<Event> parse(String body) {
    BadRequest.Collector bad = new BadRequest.Collector();
    JsonNode root;
    try {
      root = Json.mapper().readTree(body == null ? "" : body);
    } catch (Exception e) {
      bad.add("body", null, "is not JSON (" + e.getMessage() + "); send {\"events\":[...]}");
      bad.throwIfAny();
      return List.of();
    }
    JsonNode arr = root == null ? null : root.isArray() ? root : root.get("events");
    if (arr == null || !arr.isArray() || arr.isEmpty()) {
      bad.add("events", null, "must be a non-empty array of events: {\"events\":[{...}]}");
      bad.throwIfAny();
    }
    if (arr.size() > MAX_BATCH) {
      bad.add("events", String.valueOf(arr.size()), "at most " + MAX_BATCH + " events a batch");
      bad.throwIfAny();
    }
    List<Event> out = new ArrayList<>(arr.size());
    Instant now = Instant.now();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode e = arr.get(i);
      String at = "events[" + i + "]";
      if (!e.isObject()) {
        bad.add(at, e.toString(), "must be an object");
        continue;
      }
      String id = text(e, "id");
      String type = text(e, "type");
      String user = text(e, "user");
      boolean ok = true;
      if (id == null) {
        bad.add(at + ".id", null, "is required: an idempotency key unique per event");
        ok = false;
      }
      if (type == null || !type.matches("[a-z][a-z_]*")) {
        bad.add(
            at + ".type",
            type,
            "must be a lower-case word: impression, click, purchase, exposure, ...");
        ok = false;
      }
      if (user == null) {
        bad.add(at + ".user", null, "is required");
        ok = false;
      }
      Instant time = now;
      String t = text(e, "time");
      if (t != null) {
        try {
          time = Instant.parse(t);
        } catch (DateTimeParseException ex) {
          bad.add(at + ".time", t, "must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
          ok = false;
        }
      }
      double value = 1;
      JsonNode v = e.get("value");
      if (v != null && !v.isNull()) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
          bad.add(at + ".value", v.toString(), "must be a finite number");
          ok = false;
        } else {
          value = v.asDouble();
        }
      }
      if (ok) {
        out.add(
            new Event(
                id,
                type,
                user,
                text(e, "item"),
                time,
                text(e, "experiment"),
                text(e, "variant"),
                value));
      }
    }
    bad.throwIfAny();
    return out;
  }

  private static String text(JsonNode e, String field) {
    JsonNode n = e.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    String s = n.asText();
    return s.isBlank() ? null : s;
  }
}
