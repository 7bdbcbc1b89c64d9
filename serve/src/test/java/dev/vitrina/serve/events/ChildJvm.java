package dev.vitrina.serve.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a {@code main} of the test class path, for crash tests: its stdout lines are
 * read as they come, and it can be killed with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux). The guard timeouts only keep a broken test from hanging; no test asserts on time.
 */
public final class ChildJvm implements AutoCloseable {

  /** How long to wait for a line or an exit before failing the test. */
  public static final Duration GUARD = Duration.ofSeconds(120);

  private static final String EOF = "\u0000EOF";

  private final Process process;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();
  private final List<String> seen = new ArrayList<>();
  private boolean ended;

  private ChildJvm(Process process) {
    this.process = process;
    Thread out =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  stdout.add(line);
                }
              } catch (IOException ignored) {
                // the child died mid-line: what was read stays
              } finally {
                stdout.add(EOF);
              }
            },
            "child-stdout");
    out.setDaemon(true);
    out.start();
    Thread err =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  stderr.append(line).append('\n');
                }
              } catch (IOException ignored) {
                // the child died
              }
            },
            "child-stderr");
    err.setDaemon(true);
    err.start();
  }

  /**
   * Starts {@code java -cp <this JVM's class path> main args...}, with at most 512 MiB of heap and
   * the vector module when this JVM has it.
   */
  public static ChildJvm start(Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx512m");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      cmd.add("--add-modules");
      cmd.add("jdk.incubator.vector");
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(cmd).start());
  }

  /**
   * The next stdout line, or null once the child's stdout has ended; fails the test after {@link
   * #GUARD}.
   */
  public String nextLine() throws InterruptedException {
    if (ended) {
      return null;
    }
    String line = stdout.poll(GUARD.toSeconds(), TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError(
          "the child printed nothing for " + GUARD + "; its stderr:\n" + stderr);
    }
    if (line.equals(EOF)) {
      ended = true;
      return null;
    }
    seen.add(line);
    return line;
  }

  /** Reads lines until one matches {@code p} (returned) or stdout ends (an error). */
  public String awaitLine(Predicate<String> p) throws InterruptedException {
    for (String line; (line = nextLine()) != null; ) {
      if (p.test(line)) {
        return line;
      }
    }
    throw new AssertionError(
        "the child ended (exit "
            + exitValue()
            + ") before printing the expected line; its stderr:\n"
            + stderr);
  }

  /** Reads the rest of stdout (after a kill: what the child printed before it died). */
  public List<String> drain() throws InterruptedException {
    List<String> rest = new ArrayList<>();
    for (String line; (line = nextLine()) != null; ) {
      rest.add(line);
    }
    return rest;
  }

  /** Every stdout line read so far. */
  public List<String> lines() {
    return List.copyOf(seen);
  }

  /** Kills the child with SIGKILL and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the child survived SIGKILL for " + GUARD);
    }
  }

  /**
   * Asks the child to stop with SIGTERM ({@link Process#destroy()} on Linux), so that its shutdown
   * hooks run, and returns its exit code.
   */
  public int terminate() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  /** Waits for a normal exit and returns the exit code. */
  public int awaitExit() throws InterruptedException {
    if (!process.waitFor(GUARD.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not exit within " + GUARD + "; stderr:\n" + stderr);
    }
    return process.exitValue();
  }

  private String exitValue() {
    return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
  }

  /** What the child wrote to stderr so far. */
  public String stderr() {
    return stderr.toString();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
