package dev.vitrina.recs.request;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why an item is in a list, as shown to a user or an analyst: a kind and a few named values, e.g.
 * {@code {"kind":"interest","label":"Sci-Fi"}} or {@code {"kind":"distance","km":1.8,
 * "eta_min":24}}. Written to JSON as one flat object.
 *
 * @param kind what sort of reason, e.g. {@code interest}, {@code distance}, {@code because}
 * @param detail the named values (insertion order kept)
 */
public record Reason(String kind, Map<String, Object> detail) {

  public Reason {
    Objects.requireNonNull(kind, "kind");
    detail = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
  }

  /** The model's own score for the user's long-term profile. */
  public static Reason profile(String model) {
    return new Reason("profile", Map.of("model", model));
  }

  /** A non-personal fallback (an unknown user, or a user without history). */
  public static Reason popular(String why) {
    return new Reason("popular", Map.of("why", why));
  }

  /** The item serves one of the user's interests, of weight {@code weight} in [0, 1]. */
  public static Reason interest(String label, double weight) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("label", label);
    d.put("weight", round(weight, 3));
    return new Reason("interest", d);
  }

  /** The item is {@code km} away and arrives in about {@code etaMin} minutes. */
  public static Reason distance(double km, double etaMin) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("km", round(km, 2));
    d.put("eta_min", round(etaMin, 1));
    return new Reason("distance", d);
  }

  /** The item is like {@code item} (an item of the user's history, or the trigger). */
  public static Reason because(String item, String title) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("item", item);
    if (title != null) {
      d.put("title", title);
    }
    return new Reason("because", d);
  }

  /**
   * The item follows the trigger item; {@code intent} in [0, 1] is how new the trigger's intent is.
   */
  public static Reason trigger(String item, double intent, double weight) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("item", item);
    d.put("intent", round(intent, 3));
    d.put("weight", round(weight, 3));
    return new Reason("trigger", d);
  }

  /** The item is among the best of a category or genre for the user. */
  public static Reason category(String label) {
    return new Reason("category", Map.of("label", label));
  }

  /** The item is popular right now (recent use weighted up). */
  public static Reason trending() {
    return new Reason("trending", Map.of());
  }

  /** The item is new in the catalogue. */
  public static Reason newItem() {
    return new Reason("new", Map.of());
  }

  /** The flat JSON form: {@code kind} first, then the details. */
  @JsonValue
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.putAll(detail);
    return m;
  }

  @Override
  public String toString() {
    return json().toString();
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
