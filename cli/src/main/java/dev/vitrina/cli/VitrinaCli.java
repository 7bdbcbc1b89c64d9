package dev.vitrina.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vitrina} entry point. Exit codes: 0 success, 1 failure while running (I/O, data), 2
 * usage errors (bad or missing options, invalid parameter values).
 */
@Command(
    name = "vitrina",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A Java engine for retail and marketplace machine learning.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      FeaturesCommand.class,
      dev.vitrina.cli.abtest.AbTestCommand.class,
      dev.vitrina.cli.forecast.ForecastCommand.class,
      dev.vitrina.cli.recs.RecsCommand.class,
      // other areas register their top-level commands here, one line each
    })
public final class VitrinaCli implements Runnable {

  /** Exit code for usage errors. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the CLI and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code (for tests). */
  public static int execute(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  /** The configured command line, with vitrina's error handling. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new VitrinaCli());
    cl.setExecutionExceptionHandler(VitrinaCli::handleExecutionException);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  private static int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    Throwable t = ex;
    if (t instanceof UncheckedIOException u && u.getCause() != null) {
      t = u.getCause();
    }
    if (t instanceof IllegalArgumentException) {
      err.println("error: " + t.getMessage());
      err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
      return USAGE;
    }
    if (t instanceof IOException) {
      err.println("error: " + t.getMessage());
      return 1;
    }
    err.println("error: " + t);
    t.printStackTrace(err);
    return 1;
  }
}
