package dev.vitrina.cli.recs;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina recs train}: fits one model on all the data and saves it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Fit one model on all the interactions and save it as a model directory (manifest with",
      "format, version, parameters, data fingerprint and file checksums; written atomically).",
      "Example: vitrina recs train --data ../shared/data/movielens-100k --model ials"
          + " -P ials.factors=128 --out out/recs/ials"
    })
final class TrainCommand implements Callable<Integer> {

  @Mixin DataOptions dataOptions;

  @Mixin ModelOptions modelOptions;

  @Option(
      names = "--model",
      required = true,
      description = "popular, itemknn, ials, ease or sasrec.")
  String model;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the model's initialisation. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", required = true, description = "Model directory to write.")
  Path out;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    ModelOptions.checkModel(model, "--model");
    Trainer<? extends Recommender> trainer = modelOptions.trainer(model, seed);
    for (String named : modelOptions.modelsNamedByParam()) {
      if (!named.equals(model)) {
        throw new IllegalArgumentException(
            "parameters are given for '" + named + "' but --model is " + model);
      }
    }
    long t0 = System.nanoTime();
    DataOptions.Loaded loaded = dataOptions.read();
    long t1 = System.nanoTime();
    Recommender m;
    try (Progress p = json.progress("train " + model, 1)) {
      m = trainer.fit(loaded.data(), p);
    }
    long t2 = System.nanoTime();
    m.save(out);
    long t3 = System.nanoTime();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", m.name());
    r.put("parameters", m.parameters());
    r.put("rows", loaded.data().size());
    r.put("dropped_by_min_value", loaded.droppedByMinValue());
    if (dataOptions.items != null) {
      r.put("catalog_rows_for_unknown_items", loaded.catalogRowsForUnknownItems());
    }
    r.put("users", m.users().size());
    r.put("items", m.items().size());
    r.put("data_fingerprint", m.dataFingerprint());
    r.put("out", out.toString());
    r.put("read_seconds", (t1 - t0) / 1e9);
    r.put("fit_seconds", (t2 - t1) / 1e9);
    r.put("save_seconds", (t3 - t2) / 1e9);
    json.print(
        r,
        String.format(
            "%s%ntrained %s on %,d rows (%,d users, %,d items) in %.2f s; saved to %s%n"
                + "parameters: %s",
            loaded.data().readReport().map(x -> x.summary()).orElse(""),
            m.name(),
            loaded.data().size(),
            m.users().size(),
            m.items().size(),
            (t2 - t1) / 1e9,
            out,
            m.parameters()));
    return 0;
  }
}
