package dev.vitrina.serve.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every bad parameter of one request; answered with 400 and a JSON body listing them all. */
final class BadRequest extends IllegalArgumentException {
  private final List<Map<String, Object>> errors;

  BadRequest(List<Map<String, Object>> errors) {
    super(errors.toString());
    this.errors = List.copyOf(errors);
  }

  /** The JSON body: {@code {"errors":[{"parameter":..,"value":..,"message":..}]}}. */
  Map<String, Object> body() {
    return Map.of("errors", errors);
  }

  /** Collects the problems of one request. */
  static final class Collector {
    private final List<Map<String, Object>> errors = new ArrayList<>();

    void add(String parameter, String value, String message) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("parameter", parameter);
      e.put("value", value);
      e.put("message", message);
      errors.add(e);
    }

    /** Throws when any problem was collected. */
    void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new BadRequest(errors);
      }
    }
  }
}
