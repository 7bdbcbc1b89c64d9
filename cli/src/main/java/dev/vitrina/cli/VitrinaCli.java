package dev.vitrina.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /**
   * The outcome of {@link #capture}.
   *
   * @param code exit code
   * @param out what the command printed on stdout
   * @param err what it printed on stderr (picocli's error writer and {@code System.err})
   */
  public record Captured(int code, String out, String err) {

    /** {@code out} parsed as one JSON object (for commands run with {@code --json}). */
    public JsonNode json() throws IOException {
      return Json.mapper().readTree(out);
    }
  }

  /**
   * Runs the CLI in this process with stdout and stderr captured: used by the demo to run its steps
   * as the commands a user would type, and by tests. Swaps {@code System.out} and {@code
   * System.err} while it runs, so calls are serialized.
   */
  public static synchronized Captured capture(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
      CommandLine cl = commandLine();
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new Captured(
          code,
          out.toString(StandardCharsets.UTF_8),
          err + sysErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
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
