package dev.vitrina.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The one JSON policy of vitrina: every result a library returns is a record, and the CLI's {@code
 * --json} output, report files and a future HTTP service all write it through this class, so the
 * same result has the same JSON everywhere.
 *
 * <p>The policy:
 *
 * <ul>
 *   <li><b>Names</b>: property names are snake_case ({@code totalUnits} is written {@code
 *       total_units}); map keys are written as they are.
 *   <li><b>Order</b>: a record's fields in component order; a map's entries sorted by key.
 *   <li><b>Numbers</b>: doubles and floats are JSON numbers; a non-finite value (NaN, +-Infinity)
 *       has no JSON number and is written {@code null}, so "undefined" reads as null (in arrays
 *       too).
 *   <li><b>Nulls</b>: never dropped: a field that does not apply (e.g. {@code days} without a daily
 *       rate) is present with the value {@code null}, so every result of a type has the same keys.
 *   <li><b>Dates and paths</b>: {@link LocalDate} as ISO text ({@code 2024-03-01}), {@link Path} as
 *       its string.
 *   <li><b>Enums</b>: lower-case names ({@code SAMPLE_SIZE} is written {@code sample_size});
 *       reading accepts any case.
 * </ul>
 *
 * <p>Stored formats whose names predate the policy (the artifact manifest) keep their names with
 * Jackson annotations on their record.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .serializationInclusion(JsonInclude.Include.ALWAYS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .addModule(policyModule())
          .build();

  private Json() {}

  /** The shared mapper (thread-safe for reading and writing). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Compact JSON of {@code value}. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact JSON of {@code value}; the same as {@link #write(Object)}. */
  public static String toString(Object value) {
    return write(value);
  }

  /** Indented JSON of {@code value}. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tree a client parses from {@link #write(Object) write(value)}: numbers have the node types
   * of parsed text (an {@code int}-sized long is an int node), so it equals {@code
   * mapper().readTree(output)} of a command's {@code --json} output.
   */
  public static JsonNode toTree(Object value) {
    try {
      return MAPPER.readTree(write(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SimpleModule policyModule() {
    SimpleModule m = new SimpleModule("vitrina-json-policy");
    JsonSerializer<Double> dbl =
        new JsonSerializer<>() {
          @Override
          public void serialize(Double v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            if (Double.isFinite(v)) {
              g.writeNumber(v);
            } else {
              g.writeNull();
            }
          }
        };
    JsonSerializer<Float> flt =
        new JsonSerializer<>() {
          @Override
          public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (Float.isFinite(v)) {
              g.writeNumber(v);
            } else {
              g.writeNull();
            }
          }
        };
    m.addSerializer(Double.class, dbl);
    m.addSerializer(double.class, dbl);
    m.addSerializer(Float.class, flt);
    m.addSerializer(float.class, flt);
    m.addSerializer(
        double[].class,
        new JsonSerializer<>() {
          @Override
          public void serialize(double[] v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeStartArray(v, v.length);
            for (double x : v) {
              dbl.serialize(x, g, p);
            }
            g.writeEndArray();
          }
        });
    m.addSerializer(
        float[].class,
        new JsonSerializer<>() {
          @Override
          public void serialize(float[] v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeStartArray(v, v.length);
            for (float x : v) {
              flt.serialize(x, g, p);
            }
            g.writeEndArray();
          }
        });
    m.addSerializer(LocalDate.class, ToStringSerializer.instance);
    m.addDeserializer(
        LocalDate.class,
        new JsonDeserializer<>() {
          @Override
          public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
            return LocalDate.parse(p.getValueAsString());
          }
        });
    m.addSerializer(Path.class, ToStringSerializer.instance);
    m.addSerializer(
        (Class) Enum.class,
        new JsonSerializer<Enum<?>>() {
          @Override
          public void serialize(Enum<?> v, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeString(v.name().toLowerCase(Locale.ROOT));
          }
        });
    return m;
  }
}
