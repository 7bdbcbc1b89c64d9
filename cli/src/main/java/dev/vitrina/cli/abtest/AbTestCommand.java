package dev.vitrina.cli.abtest;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vitrina abtest}: the A/B testing commands. */
@Command(
    name = "abtest",
    mixinStandardHelpOptions = true,
    description = {
      "A/B tests: plan the sample size, assign units to variants, analyze an experiment (SRM,",
      "delta method, CUPED, multiple testing, always-valid sequential tests) and simulate."
    },
    subcommands = {
      PlanCommand.class,
      AssignCommand.class,
      AnalyzeCommand.class,
      SimulateEventsCommand.class,
      SimulateCommand.class,
      SimulateTrafficCommand.class
    })
public final class AbTestCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
