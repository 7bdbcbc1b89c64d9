package dev.vitrina.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.check.ParameterException;
import dev.vitrina.core.io.csv.CsvException;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.storage.S3Errors;
import dev.vitrina.core.storage.StoragePaths;
import dev.vitrina.core.table.BadRowsException;
import dev.vitrina.core.validate.InvalidFileException;
import dev.vitrina.core.validate.NoRowsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vitrina} entry point. Exit codes, the same for every command: 0 success; 2 usage or
 * invalid input (bad or missing options, invalid parameter values, a missing input file, a
 * malformed data file, an input without usable rows); 1 a failure while running (an I/O error while
 * writing, an unexpected error).
 */
@Command(
    name = "vitrina",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A Java engine for retail and marketplace machine learning.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      ServeCommand.class,
      GenerateCommand.class,
      FeaturesCommand.class,
      dev.vitrina.cli.abtest.AbTestCommand.class,
      dev.vitrina.cli.forecast.ForecastCommand.class,
      dev.vitrina.cli.recs.RecsCommand.class,
      dev.vitrina.cli.registry.RegistryCommand.class,
      dev.vitrina.cli.storage.StorageCommand.class,
      // other areas register their top-level commands here, one line each
    })
public final class VitrinaCli implements Runnable {

  /** Exit code for usage errors. */
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Accepted anywhere on the line; it takes effect before any path is read (see {@link
   * #configureStorage}), so the field only documents it.
   */
  @CommandLine.Option(
      names = "--s3-endpoint",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "URL",
      description = {
        "S3-compatible endpoint for s3:// paths (e.g. http://127.0.0.1:9000); default: AWS, or",
        "AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL. Region and credentials come from the standard",
        "AWS settings (AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_PROFILE)."
      })
  String s3Endpoint;

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
    if (!configureStorage(args, cl.getErr())) {
      return USAGE;
    }
    return cl.execute(args);
  }

  /**
   * Applies {@code --s3-endpoint} (wherever it stands on the line) before picocli converts any path
   * option, since an {@code s3://} path is bound to its endpoint when it is resolved.
   *
   * @return false (after printing the error) when the value is not an endpoint
   */
  static boolean configureStorage(String[] args, PrintWriter err) {
    String value = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--s3-endpoint") && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith("--s3-endpoint=")) {
        value = args[i].substring("--s3-endpoint=".length());
      }
    }
    try {
      StoragePaths.useEndpoint(value);
      return true;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return false;
    }
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
      int code = configureStorage(args, cl.getErr()) ? cl.execute(args) : USAGE;
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
    cl.registerConverter(LocalDate.class, VitrinaCli::parseDate);
    cl.registerConverter(Path.class, VitrinaCli::parsePath);
    cl.setExecutionExceptionHandler(VitrinaCli::handleExecutionException);
    cl.setParameterExceptionHandler(VitrinaCli::handleParameterException);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    HelpText.reflow(cl);
    return cl;
  }

  /** Dates on the command line: ISO {@code yyyy-MM-dd}, with an error that says so. */
  static LocalDate parseDate(String s) {
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + s + "' is not a date; use yyyy-MM-dd, e.g. 2024-03-01");
    }
  }

  /** Paths on the command line: local paths or {@code s3://bucket/key} ({@link StoragePaths}). */
  static Path parsePath(String s) {
    try {
      return StoragePaths.resolve(s);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  /** Usage errors: the message and where to find the usage, not the whole usage text. */
  private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return USAGE;
  }

  /**
   * Errors while a command runs. One rule for every command: invalid input (a bad parameter value,
   * a missing or unreadable input file, a malformed data file) exits with {@link #USAGE} (2); a
   * failure while running (an I/O error writing output, a bug) exits with 1. Stack traces are
   * printed only for unexpected errors, which are bugs.
   */
  private static int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    Throwable t = ex;
    while ((t instanceof UncheckedIOException
            || t instanceof java.util.concurrent.ExecutionException
            || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String hint = "Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.";
    if (S3Errors.isPermanent(t)) {
      err.println("error: " + S3Errors.describe(t, firstS3Path(parseResult)));
      return USAGE;
    }
    if (t instanceof ParameterException p) {
      err.println("error: " + flagMessage(p, cmd.getCommandSpec()));
      err.println(hint);
      return USAGE;
    }
    if (t instanceof IllegalArgumentException) {
      err.println("error: " + withFlags(t.getMessage(), cmd.getCommandSpec()));
      if (!(t instanceof CsvException
          || t instanceof NoRowsException
          || t instanceof BadRowsException)) {
        err.println(hint);
      }
      return USAGE;
    }
    if (t instanceof NoSuchFileException e) {
      err.println(
          "error: "
              + e.getFile()
              + " does not exist"
              + (e.getOtherFile() != null ? " (" + e.getOtherFile() + ")" : "")
              + "; check the path");
      return USAGE;
    }
    if (t instanceof AccessDeniedException e) {
      err.println("error: " + e.getFile() + ": permission denied");
      return USAGE;
    }
    if (isInvalidInput(t)) {
      err.println("error: " + withFlags(t.getMessage(), cmd.getCommandSpec()));
      return USAGE;
    }
    if (t instanceof FileSystemException e && e.getFile() != null) {
      err.println(
          "error: "
              + e.getFile()
              + ": "
              + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
      return 1;
    }
    if (t instanceof IOException) {
      err.println("error: " + withFlags(t.getMessage(), cmd.getCommandSpec()));
      return 1;
    }
    err.println("error: unexpected " + t + " (a bug: please report it with this trace)");
    t.printStackTrace(err);
    return 1;
  }

  /** The first {@code s3://} path among the options and parameters given, or null. */
  private static Path firstS3Path(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
      for (CommandLine.Model.ArgSpec a : r.matchedArgs()) {
        Object v = a.getValue();
        if (v instanceof Path p && StoragePaths.isS3(p)) {
          return p;
        }
        if (v instanceof List<?> list) {
          for (Object o : list) {
            if (o instanceof Path p && StoragePaths.isS3(p)) {
              return p;
            }
          }
        }
      }
    }
    return null;
  }

  /** I/O exceptions that are invalid input by meaning: a file read whose content is invalid. */
  private static boolean isInvalidInput(Throwable t) {
    return t instanceof InvalidFileException;
  }

  /**
   * The message of a library parameter error with the parameter's name replaced by the command's
   * option for it: the option whose field, long name or {@link LibraryName} matches the parameter,
   * ignoring case, '-' and '_' ({@code rowsPerGroup} -> {@code --row-group-rows} through the field
   * name; {@code num_leaves} -> {@code --leaves} through {@link LibraryName}). Where several
   * options of one command set the parameter they are all named, joined by '/'. Without such an
   * option the library's name stays. The problem text goes through {@link #withFlags}.
   */
  static String flagMessage(ParameterException p, CommandLine.Model.CommandSpec spec) {
    String o = optionFor(p.parameter(), spec);
    return (o == null ? p.parameter() : o) + " " + withFlags(p.problem(), spec);
  }

  /**
   * A library message with each qualified parameter reference ({@code Type.member}, e.g. {@code
   * Effect.value} or {@code SalesReadOptions.allowEmpty}) that names one of the command's options
   * replaced by the option's flag. A reference matches like a {@link ParameterException}'s
   * parameter, through the whole qualified name, so in practice through {@link LibraryName}; other
   * references stay as they are.
   */
  static String withFlags(String message, CommandLine.Model.CommandSpec spec) {
    if (message == null) {
      return null;
    }
    Matcher m = QUALIFIED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String o = optionFor(m.group(), spec);
      m.appendReplacement(out, Matcher.quoteReplacement(o == null ? m.group() : o));
    }
    m.appendTail(out);
    return withHintFlags(out.toString(), spec);
  }

  /** A parameter hint in parentheses: {@code (allowEmpty)} or {@code (onInvalid = REJECT)}. */
  private static final Pattern PARAMETER_HINT =
      Pattern.compile("\\(([A-Za-z][A-Za-z0-9_]*)(?: = ([A-Za-z0-9_.-]+))?\\)");

  /**
   * Parameter hints in parentheses spelled as this command's options: {@code (--allow-empty)},
   * {@code (--on-invalid=reject)}. Hints without an option stay as they are.
   */
  private static String withHintFlags(String message, CommandLine.Model.CommandSpec spec) {
    Matcher m = PARAMETER_HINT.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String o = optionFor(m.group(1), spec);
      String replacement =
          o == null
              ? m.group()
              : "("
                  + o
                  + (m.group(2) == null ? "" : "=" + m.group(2).toLowerCase(Locale.ROOT))
                  + ")";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code Type.member} or {@code Outer.Type.member}, not part of a longer dotted name. */
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w./])[A-Z][A-Za-z0-9]*(?:\\.[A-Z][A-Za-z0-9]*)*\\.[a-z][A-Za-z0-9]*(?![\\w.]*[\\w/])");

  /**
   * The flag of {@code spec} or its parents for a library parameter name (several joined by '/'),
   * or null.
   */
  private static String optionFor(String parameter, CommandLine.Model.CommandSpec spec) {
    String want = normalize(parameter);
    for (CommandLine.Model.CommandSpec s = spec; s != null; s = s.parent()) {
      List<String> flags = new ArrayList<>();
      for (CommandLine.Model.OptionSpec o : s.options()) {
        boolean match = normalize(o.longestName()).equals(want);
        if (o.userObject() instanceof Field f) {
          match |= normalize(f.getName()).equals(want);
          LibraryName names = f.getAnnotation(LibraryName.class);
          for (String n : names == null ? new String[0] : names.value()) {
            match |= normalize(n).equals(want);
          }
        }
        if (match) {
          flags.add(o.longestName());
        }
      }
      if (!flags.isEmpty()) {
        return String.join("/", flags);
      }
    }
    return null;
  }

  private static String normalize(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
