package dev.vitrina.core.progress;

import java.io.PrintStream;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress reporter for long work. On an interactive terminal it draws a bar on stderr; when
 * output is redirected, or the {@code CI} environment variable is set, it writes plain ASCII lines
 * at most every two seconds so logs stay readable. {@link #silent()} reports nothing (library use,
 * tests, {@code --json} runs).
 *
 * <p>Thread-safe: {@link #step(long)} may be called from worker threads.
 */
public interface Progress extends AutoCloseable {

  /** Advances by {@code n} units. */
  void step(long n);

  /** Replaces the short status text after the bar. */
  default void message(String text) {}

  /**
   * Marks the task complete at the units done so far, for work that may end before its planned
   * total (early stopping): the bar then shows 100% instead of stopping short.
   */
  default void done() {}

  @Override
  void close();

  /** A reporter that reports nothing. */
  static Progress silent() {
    return Silent.INSTANCE;
  }

  /**
   * A reporter for a task of {@code total} units on stderr: a bar on a terminal, plain lines
   * otherwise.
   */
  static Progress console(String task, long total) {
    return console(task, total, System.err);
  }

  /** As {@link #console(String, long)}, writing plain lines to {@code out} when not a terminal. */
  static Progress console(String task, long total, PrintStream out) {
    boolean plain = System.console() == null || System.getenv("CI") != null;
    ProgressBarBuilder builder =
        new ProgressBarBuilder().setTaskName(task).setInitialMax(total).showSpeed();
    if (plain) {
      builder
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(2000)
          .setConsumer(new DelegatingProgressBarConsumer(new DistinctLines(out)));
    } else {
      builder.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250);
    }
    ProgressBar bar = builder.build();
    return new Progress() {
      @Override
      public void step(long n) {
        bar.stepBy(n);
      }

      @Override
      public void message(String text) {
        bar.setExtraMessage(text == null || text.isEmpty() ? "" : " " + text);
      }

      @Override
      public void done() {
        bar.maxHint(bar.getCurrent());
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /** The reporter that does nothing. */
  enum Silent implements Progress {
    INSTANCE;

    @Override
    public void step(long n) {}

    @Override
    public void close() {}
  }
}
