package dev.vitrina.cli.recs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.json.Json;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Model parameters from the command line: {@code --params FILE} (JSON {@code {"ials": {"factors":
 * 128}}}, as written by {@code vitrina recs tune}) and {@code --param ials.factors=128}
 * (repeatable, wins over the file). Models that take a seed get {@code --seed} unless a parameter
 * sets it.
 */
final class ModelOptions {

  @Option(
      names = {"-P", "--param"},
      paramLabel = "MODEL.NAME=VALUE",
      description =
          "A model parameter, e.g. -P ials.factors=128 -P ease.lambda=300 (repeatable; wins over"
              + " --params).")
  List<String> param = new ArrayList<>();

  @Option(
      names = "--params",
      paramLabel = "FILE",
      description = "JSON file of parameters per model, as written by 'vitrina recs tune --out'.")
  List<Path> paramsFiles = new ArrayList<>();

  /** The parameters of every model named in the options, by model. */
  Map<String, Map<String, String>> all() throws IOException {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    for (Path file : paramsFiles) {
      for (Map.Entry<String, Map<String, String>> e : readFile(file).entrySet()) {
        m.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).putAll(e.getValue());
      }
    }
    for (String p : param) {
      int dot = p.indexOf('.');
      int eq = p.indexOf('=');
      if (dot < 1 || eq < dot + 2 || eq == p.length() - 1) {
        throw new IllegalArgumentException(
            "--param must look like MODEL.NAME=VALUE, e.g. -P ials.factors=128, got '" + p + "'");
      }
      String model = p.substring(0, dot).trim();
      checkModel(model, "--param " + p);
      m.computeIfAbsent(model, k -> new LinkedHashMap<>())
          .put(p.substring(dot + 1, eq).trim(), p.substring(eq + 1).trim());
    }
    return m;
  }

  /** The models named by {@code --param} (a file may hold models a command does not use). */
  java.util.Set<String> modelsNamedByParam() {
    java.util.Set<String> m = new java.util.LinkedHashSet<>();
    for (String p : param) {
      int dot = p.indexOf('.');
      if (dot > 0) {
        m.add(p.substring(0, dot).trim());
      }
    }
    return m;
  }

  /** The parameters for {@code model} (with {@code seed} filled in for models that take one). */
  Map<String, String> forModel(String model, long seed) throws IOException {
    Map<String, String> p = new LinkedHashMap<>(all().getOrDefault(model, Map.of()));
    if (model.equals("ials")) {
      p.putIfAbsent("seed", Long.toString(seed));
    }
    return p;
  }

  /** A trainer for {@code model} with its parameters. */
  Trainer<? extends Recommender> trainer(String model, long seed) throws IOException {
    return RecsModels.trainer(model, forModel(model, seed));
  }

  static void checkModel(String model, String where) {
    if (!RecsModels.NAMES.contains(model) && !model.equals("sasrec")) {
      throw new IllegalArgumentException(
          "unknown model '"
              + model
              + "' in "
              + where
              + "; choose from "
              + String.join(", ", RecsModels.NAMES));
    }
  }

  /** Reads a parameters file: an object of objects of scalar values. */
  static Map<String, Map<String, String>> readFile(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "--params " + file + " does not exist; write one with 'vitrina recs tune --out FILE'");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "--params " + file + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "--params " + file + " must hold a JSON object like {\"ials\": {\"factors\": 128}}");
    }
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      checkModel(e.getKey(), "--params " + file);
      if (!e.getValue().isObject()) {
        throw new IllegalArgumentException(
            "--params " + file + ": '" + e.getKey() + "' must map to an object of parameters");
      }
      Map<String, String> p = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> kv : e.getValue().properties()) {
        if (!kv.getValue().isValueNode()) {
          throw new IllegalArgumentException(
              "--params "
                  + file
                  + ": "
                  + e.getKey()
                  + "."
                  + kv.getKey()
                  + " must be a number, string or boolean");
        }
        p.put(kv.getKey(), kv.getValue().asText());
      }
      m.put(e.getKey(), p);
    }
    return m;
  }
}
