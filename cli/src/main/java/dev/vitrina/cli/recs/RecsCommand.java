package dev.vitrina.cli.recs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vitrina recs}: the recommendation commands. */
@Command(
    name = "recs",
    mixinStandardHelpOptions = true,
    description = {
      "Recommendations: evaluate models offline (popular, itemknn, ials, ease), tune their",
      "parameters on a validation split carved from the training data, train and save a model,",
      "and query a saved model for a user's top-k or an item's neighbours.",
      "See docs/recommendations.md."
    },
    subcommands = {
      EvaluateCommand.class,
      TuneCommand.class,
      TrainCommand.class,
      RecommendCommand.class,
      ExplainCommand.class,
      SimilarCommand.class,
      PageCommand.class
    })
public final class RecsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
