package dev.vitrina.experiments.sim;

import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.AtomicWrite;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs the {@link SimulationSuite} from the command line (the same as {@code vitrina abtest
 * simulate}), e.g. from the command-line jar that {@code ./vitrina} builds:
 *
 * <pre>
 * java -cp cli/target/vitrina.jar dev.vitrina.experiments.sim.SimulationMain \
 *     --experiments 2000 --seed 1 --threads 2 --json out/sim/seed1.json
 * </pre>
 *
 * Prints Markdown tables on stdout; {@code --json FILE} also writes the raw results.
 */
public final class SimulationMain {

  private SimulationMain() {}

  /** Entry point; see the class doc for the arguments. */
  public static void main(String[] args) throws IOException {
    int experiments = 2000;
    long seed = 1;
    int threads = Runtime.getRuntime().availableProcessors();
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--experiments" -> experiments = Integer.parseInt(req(a, v));
        case "--seed" -> seed = Long.parseLong(req(a, v));
        case "--threads" -> threads = Integer.parseInt(req(a, v));
        case "--json" -> json = Path.of(req(a, v));
        default ->
            throw new IllegalArgumentException(
                "unknown argument '"
                    + a
                    + "'; use --experiments N --seed S --threads T --json FILE");
      }
      i++;
    }
    SimulationSuite.Result r;
    try (Progress p = Progress.console("simulations", SimulationSuite.steps())) {
      r = SimulationSuite.run(experiments, seed, threads, p);
    }
    System.out.print(SimulationSuite.toMarkdown(r));
    if (json != null) {
      AtomicWrite.writeString(json, Json.pretty(r));
    }
  }

  private static String req(String flag, String v) {
    if (v == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return v;
  }
}
