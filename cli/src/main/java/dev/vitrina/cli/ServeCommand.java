package dev.vitrina.cli;

import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.experiments.assign.AssignmentChange;
import dev.vitrina.experiments.assign.AssignmentConfig;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.serve.events.EventStore;
import dev.vitrina.serve.http.VitrinaServer;
import dev.vitrina.serve.registry.Live;
import dev.vitrina.serve.registry.Loaded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vitrina serve}: the HTTP API and web page over a model. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves recommendations, pages, similar items and events over HTTP, with the web page at /.",
      "Prints the URL when ready; Ctrl-C stops it cleanly. See docs/serving.md (HTTP API).",
      "Example: vitrina serve --model out/demo/recs-ials --port 8080"
    })
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--model",
      defaultValue = "out/demo/recs-ials",
      description =
          "Model directory ('recs train'). Default: ${DEFAULT-VALUE} (from 'vitrina demo').")
  Path model;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--events",
      defaultValue = "duckdb:out/serve/events.duckdb",
      description =
          "Event log: duckdb:FILE, a jdbc:postgresql:// URL, or none. Default: ${DEFAULT-VALUE}.")
  String events;

  @Option(
      names = "--experiment",
      description = "Experiment config (JSON, as for 'abtest assign') with one experiment.")
  Path experiment;

  @Option(
      names = "--variant-model",
      split = ",",
      description = "Model directory per variant: NAME=DIR (repeatable). Default: --model.")
  Map<String, Path> variantModels;

  @Option(
      names = "--force",
      description = "Serve an experiment config that re-buckets units of the running one.")
  boolean force;

  @Option(names = "--registry", description = "Model registry folder (with --name).")
  String registry;

  @Option(names = "--name", description = "Model name in the registry (e.g. recs/ials).")
  String name;

  @Override
  public Integer call() throws Exception {
    if (registry != null || name != null) {
      throw new IllegalArgumentException(
          "--registry/--name: serving from a registry is not wired into 'serve' yet; serve a"
              + " model directory with --model DIR");
    }
    Live<Recommender> production = Live.fixed(load(model, "--model"));
    EventStore store = openEvents(events);
    VitrinaServer.Builder b = VitrinaServer.builder(production).host(host).port(port).events(store);
    if (experiment != null) {
      b.experiment(experimentSetup(production));
    }
    VitrinaServer server = b.build();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              closeQuietly(store);
              stopped.countDown();
            });
    server.start();
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println("vitrina serving at http://" + host + ":" + server.port() + "/");
    System.out.flush();
    stopped.await();
    return 0;
  }

  private static Loaded<Recommender> load(Path dir, String option) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          option
              + " "
              + dir
              + " is not a model directory; run './vitrina demo' first (it writes"
              + " out/demo/recs-ials) or pass a model saved by 'vitrina recs train'");
    }
    return new Loaded<>(
        RecsModels.load(dir), String.valueOf(dir.getFileName()), dir, Instant.now());
  }

  private VitrinaServer.ExperimentSetup experimentSetup(Live<Recommender> production)
      throws IOException {
    AssignmentConfig cfg = AssignmentConfig.read(experiment);
    if (cfg.byName().size() != 1) {
      throw new IllegalArgumentException(
          "experiment config "
              + experiment
              + " has "
              + cfg.byName().size()
              + " experiments "
              + cfg.byName().keySet()
              + "; 'serve' runs one: give a file with exactly one experiment");
    }
    Experiment e = cfg.byName().values().iterator().next();
    checkCarryOver(cfg);
    Map<String, Live<Recommender>> models = new LinkedHashMap<>();
    for (String v : e.variantNames()) {
      Path dir = variantModels == null ? null : variantModels.get(v);
      models.put(v, dir == null ? production : Live.fixed(load(dir, "--variant-model " + v)));
    }
    if (variantModels != null) {
      for (String v : variantModels.keySet()) {
        if (!models.containsKey(v)) {
          throw new IllegalArgumentException(
              "--variant-model "
                  + v
                  + ": no such variant in experiment '"
                  + e.name()
                  + "'; the variants are "
                  + e.variantNames());
        }
      }
    }
    return new VitrinaServer.ExperimentSetup(e, models);
  }

  /**
   * Refuses a config that re-buckets units of the one last served (kept next to the default event
   * log, {@code out/serve/experiment.json}) unless {@code --force}; then records the new one.
   */
  private void checkCarryOver(AssignmentConfig cfg) throws IOException {
    Path running = Path.of("out", "serve", "experiment.json");
    if (Files.isRegularFile(running)) {
      AssignmentConfig before = AssignmentConfig.read(running);
      List<AssignmentChange> changes = AssignmentChange.between(before, cfg);
      List<String> warnings =
          changes.stream()
              .filter(AssignmentChange::rebuckets)
              .flatMap(c -> c.warnings().stream())
              .toList();
      if (!warnings.isEmpty() && !force) {
        throw new IllegalArgumentException(
            String.join("; ", warnings)
                + ". The running experiment ("
                + running
                + ") would change; pass --force to serve the new config anyway");
      }
    }
    Files.createDirectories(running.getParent());
    AtomicWrite.writeString(running, Files.readString(experiment));
  }

  /**
   * Opens the event log named by {@code --events}; {@code none} serves without one ({@code POST
   * /v1/events} answers 503 and exposures are not logged).
   */
  static EventStore openEvents(String spec) {
    if (spec.equals("none")) {
      return null;
    }
    throw new IllegalArgumentException(
        "--events "
            + spec
            + ": no event store implementation is available in this build; pass --events none"
            + " to serve without an event log");
  }

  private static void closeQuietly(EventStore store) {
    if (store != null) {
      try {
        store.close();
      } catch (IOException e) {
        System.err.println("closing the event log failed: " + e.getMessage());
      }
    }
  }
}
