package dev.vitrina.experiments.assign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.check.Checks;
import dev.vitrina.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All running experiments: standalone ones (overlapping freely) and layers of mutually exclusive
 * ones. {@link #assign(String)} is a pure function of the unit id; build once, call from any
 * thread.
 *
 * <p>JSON form (also accepted: one bare experiment object):
 *
 * <pre>{@code
 * {"experiments": [{"name": "ranker-v2", "salt": "ranker-v2/1", "coverage": 1.0,
 *                   "variants": [{"name": "control", "weight": 70}, {"name": "treatment", "weight": 30}]}],
 *  "layers": [{"name": "homepage", "salt": "homepage/1",
 *              "slots": [{"from": 0.0, "to": 0.5, "experiment": {...}},
 *                        {"from": 0.5, "to": 1.0, "experiment": {...}}]}]}
 * }</pre>
 *
 * @param experiments standalone experiments
 * @param layers layers of mutually exclusive experiments
 */
public record AssignmentConfig(List<Experiment> experiments, List<Layer> layers) {

  /** Validates that experiment names are unique across the config. */
  public AssignmentConfig {
    experiments = List.copyOf(experiments == null ? List.of() : experiments);
    layers = List.copyOf(layers == null ? List.of() : layers);
    Map<String, String> where = new HashMap<>();
    for (Experiment e : experiments) {
      unique(where, e.name(), "standalone");
    }
    for (Layer l : layers) {
      for (Layer.Slot s : l.slots()) {
        unique(where, s.experiment().name(), "layer '" + l.name() + "'");
      }
    }
    Checks.require(
        !where.isEmpty(), "the assignment config has no experiment; add one under \"experiments\"");
  }

  private static void unique(Map<String, String> where, String name, String place) {
    String prev = where.put(name, place);
    Checks.require(
        prev == null,
        "experiment name '"
            + name
            + "' appears twice ("
            + prev
            + " and "
            + place
            + "); experiment names must be unique");
  }

  /** A config with one standalone experiment. */
  public static AssignmentConfig of(Experiment experiment) {
    return new AssignmentConfig(List.of(experiment), List.of());
  }

  /** Reads a JSON config (see the class doc); errors name the file. */
  public static AssignmentConfig read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "experiment config file " + file + " does not exist; pass a JSON file (see docs)");
    }
    JsonNode root;
    byte[] bytes = Files.readAllBytes(file);
    try {
      root = Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "experiment config " + file + " is not valid JSON: " + e.getMessage(), e);
    }
    try {
      if (root.has("name")) {
        return of(Json.mapper().treeToValue(root, Experiment.class));
      }
      return Json.mapper().treeToValue(root, AssignmentConfig.class);
    } catch (IOException e) {
      Throwable c = e;
      while (c.getCause() != null) {
        c = c.getCause();
      }
      String msg = c instanceof IllegalArgumentException ? c.getMessage() : e.getMessage();
      throw new IllegalArgumentException("experiment config " + file + ": " + msg, e);
    }
  }

  /** All experiments by name, standalone first, then layer by layer. */
  public Map<String, Experiment> byName() {
    Map<String, Experiment> out = new LinkedHashMap<>();
    for (Experiment e : experiments) {
      out.put(e.name(), e);
    }
    for (Layer l : layers) {
      for (Layer.Slot s : l.slots()) {
        out.put(s.experiment().name(), s.experiment());
      }
    }
    return out;
  }

  /** One assignment per experiment of the config, in {@link #byName()} order. */
  public List<Assignment> assign(String unitId) {
    List<Assignment> out = new ArrayList<>();
    for (Experiment e : experiments) {
      out.add(e.assign(unitId));
    }
    for (Layer l : layers) {
      double v = l.bucket(unitId);
      for (Layer.Slot s : l.slots()) {
        if (v >= s.from() && v < s.to()) {
          out.add(s.experiment().assign(unitId));
        } else {
          out.add(
              new Assignment(s.experiment().name(), Assignment.Status.OTHER_LAYER_SLOT, null, v));
        }
      }
    }
    return out;
  }

  /** The assignment of {@code unitId} to the experiment named {@code experiment}. */
  public Assignment assign(String unitId, String experiment) {
    for (Experiment e : experiments) {
      if (e.name().equals(experiment)) {
        return e.assign(unitId);
      }
    }
    for (Layer l : layers) {
      for (Layer.Slot s : l.slots()) {
        if (s.experiment().name().equals(experiment)) {
          double v = l.bucket(unitId);
          return v >= s.from() && v < s.to()
              ? s.experiment().assign(unitId)
              : new Assignment(experiment, Assignment.Status.OTHER_LAYER_SLOT, null, v);
        }
      }
    }
    throw new IllegalArgumentException(
        "no experiment named '" + experiment + "' in the config; it has " + byName().keySet());
  }

  /** Units' layer-slot fraction for {@code experiment}: 1 for standalone experiments. */
  public double slotShare(String experiment) {
    for (Layer l : layers) {
      for (Layer.Slot s : l.slots()) {
        if (s.experiment().name().equals(experiment)) {
          return s.to() - s.from();
        }
      }
    }
    return 1.0;
  }
}
