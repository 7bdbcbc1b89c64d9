package dev.vitrina.cli.abtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.vitrina.core.json.Json;

/** Converts results to JSON trees with snake_case keys, as the other vitrina commands print. */
final class JsonOut {

  private static final ObjectMapper SNAKE =
      Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private JsonOut() {}

  /** {@code value} as a JSON tree with snake_case property names. */
  static Object snake(Object value) {
    return SNAKE.valueToTree(value);
  }
}
