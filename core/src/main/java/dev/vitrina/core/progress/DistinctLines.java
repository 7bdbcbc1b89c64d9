package dev.vitrina.core.progress;

import java.io.PrintStream;
import java.util.function.Consumer;

/** Prints a plain progress line unless it repeats the previous one (the final refresh does). */
final class DistinctLines implements Consumer<String> {

  private final PrintStream out;
  private String last;

  DistinctLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void accept(String line) {
    if (!line.equals(last)) {
      out.println(line);
      last = line;
    }
  }
}
