package dev.vitrina.cli;

import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import picocli.CommandLine.Option;

/**
 * Mixin for commands that report figures: {@code --json} prints one JSON object on stdout (and
 * turns progress bars off, so stdout stays parseable).
 */
public final class JsonOption {

  @Option(
      names = "--json",
      description = "Print the result as one JSON object on stdout (no progress output).")
  boolean json;

  /** Whether {@code --json} was given. */
  public boolean enabled() {
    return json;
  }

  /** A progress reporter: silent with {@code --json}, else a console bar on stderr. */
  public Progress progress(String task, long total) {
    return json ? Progress.silent() : Progress.console(task, total);
  }

  /** Prints {@code result} as JSON when enabled, else {@code human} text. */
  public void print(Object result, String human) {
    if (json) {
      System.out.println(Json.write(result));
    } else {
      System.out.println(human);
    }
  }
}
