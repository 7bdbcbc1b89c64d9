package dev.vitrina.cli.recs;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.vitrina.cli.JsonOption;
import dev.vitrina.cli.LibraryName;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.recs.eval.EvalOptions;
import dev.vitrina.recs.eval.EvaluationReport;
import dev.vitrina.recs.eval.Evaluator;
import dev.vitrina.recs.eval.Split;
import dev.vitrina.recs.eval.Splitters;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.Trainer;
import dev.vitrina.recs.model.UnknownUserPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina recs evaluate}: offline comparison of recommenders on a split. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Split the interactions, fit each model on the training side, recommend top-k for every",
      "user (training items excluded) and score the lists against the test side: nDCG, precision,",
      "recall, MAP, MRR, hit rate with bootstrap 95%% intervals, coverage, novelty, diversity.",
      "Writes an HTML comparison chart (--report).",
      "Example: vitrina recs evaluate --data ../shared/data/movielens-100k --split"
          + " random-by-user:0.75 --seed 42 --models popular,itemknn,ials,ease --k 10"
    })
final class EvaluateCommand implements Callable<Integer> {

  @Mixin DataOptions dataOptions;

  @Mixin ModelOptions modelOptions;

  @Option(
      names = "--split",
      defaultValue = "random-by-user:0.75",
      description =
          "random-by-user:RATIO, last-n:N, time:FRACTION or kfold:K. Default: ${DEFAULT-VALUE}.")
  String split;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "Seed of the split, the bootstrap and the models' initialisation. Default:"
              + " ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--models",
      defaultValue = "popular,itemknn,ials,ease",
      split = ",",
      description = "Models to compare. Default: ${DEFAULT-VALUE}.")
  List<String> models;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "List length and metric cut-off. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(
      names = "--include-seen",
      description = "Allow training items in the lists (and count them as relevant).")
  @LibraryName("EvalOptions.seen")
  boolean includeSeen;

  @Option(
      names = "--bootstrap",
      defaultValue = "1000",
      description =
          "Bootstrap resamples for the 95%% intervals (0: none). Default: ${DEFAULT-VALUE}.")
  @LibraryName("bootstrapSamples")
  int bootstrap;

  @Option(
      names = "--report",
      defaultValue = "out/recs/evaluate.html",
      description = "HTML report with the comparison chart. Default: ${DEFAULT-VALUE}.")
  Path report;

  @Option(names = "--no-report", description = "Do not write the HTML report.")
  boolean noReport;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("--models is empty; e.g. --models popular,ials,ease");
    }
    Map<String, Trainer<? extends Recommender>> trainers = new LinkedHashMap<>();
    for (String m : models) {
      String name = m.trim();
      ModelOptions.checkModel(name, "--models");
      if (trainers.containsKey(name)) {
        throw new IllegalArgumentException("model '" + name + "' is listed twice in --models");
      }
      trainers.put(name, modelOptions.trainer(name, seed));
    }
    for (String named : modelOptions.modelsNamedByParam()) {
      if (!trainers.containsKey(named)) {
        throw new IllegalArgumentException(
            "parameters are given for '"
                + named
                + "' but --models does not list it; add it to --models or drop its parameters");
      }
    }
    EvalOptions options =
        new EvalOptions(
            k,
            includeSeen ? SeenItems.INCLUDE : SeenItems.EXCLUDE,
            UnknownUserPolicy.FALLBACK_POPULAR,
            bootstrap,
            0.95,
            seed);
    long t0 = System.nanoTime();
    DataOptions.Loaded loaded = dataOptions.read();
    List<Split> splits = Splitters.bySpec(loaded.data(), split, seed);
    EvaluationReport r;
    try (Progress progress = json.progress("evaluate", (long) trainers.size() * splits.size())) {
      r = Evaluator.evaluate(loaded.data(), splits, trainers, options, progress);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path written = null;
    if (!noReport) {
      AtomicWrite.writeString(report, r.toHtml());
      written = report;
    }
    Output out = new Output(loaded.format(), loaded.droppedByMinValue(), r, written, seconds);
    StringBuilder human = new StringBuilder();
    human.append(loaded.data().readReport().map(rr -> rr.summary() + "\n").orElse(""));
    if (loaded.droppedByMinValue() > 0) {
      human.append(
          String.format(
              "--min-value dropped %,d rows; %,d kept%n",
              loaded.droppedByMinValue(), loaded.data().size()));
    }
    human.append(r.toTable());
    if (written != null) {
      human.append("report: ").append(written).append('\n');
    }
    human.append(String.format("time: %.1f s", seconds));
    json.print(out, human.toString());
    return 0;
  }

  /**
   * What {@code --json} prints: the library's {@link EvaluationReport} (its fields inline) between
   * the input's format and row drops and the report file and total time of this run.
   *
   * @param format the input format read
   * @param droppedByMinValue rows dropped by {@code --min-value}
   * @param evaluation the evaluation, written inline
   * @param report the HTML report written, or null
   * @param seconds total time
   */
  record Output(
      String format,
      int droppedByMinValue,
      @JsonUnwrapped EvaluationReport evaluation,
      Path report,
      double seconds) {}
}
