package dev.vitrina.cli;

import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.experiments.assign.AssignmentChange;
import dev.vitrina.experiments.assign.AssignmentConfig;
import dev.vitrina.experiments.assign.Experiment;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.serve.events.EventStore;
import dev.vitrina.serve.events.EventStores;
import dev.vitrina.serve.forecast.ForecastTable;
import dev.vitrina.serve.http.VitrinaServer;
import dev.vitrina.serve.registry.Live;
import dev.vitrina.serve.registry.Loaded;
import dev.vitrina.serve.registry.ModelRegistry;
import dev.vitrina.serve.registry.RegistryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  private static final Path DEFAULT_MODEL = Path.of("out", "demo", "recs-ials");

  @Option(
      names = "--model",
      defaultValue = "out/demo/recs-ials",
      description =
          "Model directory ('recs train'). Default: ${DEFAULT-VALUE}, the demo model (trained"
              + " on the demo data first when absent).")
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

  @Option(
      names = "--registry",
      paramLabel = "PATH",
      description =
          "Serve from a model registry (local or s3://) instead of --model: the recs model --name"
              + " at role --role, swapped without a restart when the role's pointer moves.")
  Path registry;

  @Option(
      names = "--name",
      description = "Model name in the registry (kind recs), e.g. shop. Needs --registry.")
  String name;

  @Option(
      names = "--role",
      defaultValue = "production",
      description = "Registry role to serve. Default: ${DEFAULT-VALUE}.")
  String role;

  @Option(
      names = "--variant-role",
      split = ",",
      description =
          "Registry role per experiment variant: NAME=ROLE (repeatable), e.g. treatment=candidate;"
              + " hot-swapped like --role.")
  Map<String, String> variantRoles;

  @Option(
      names = "--poll",
      defaultValue = "PT1S",
      description =
          "How often to read the registry pointers (ISO-8601). Default: ${DEFAULT-VALUE}.")
  Duration poll;

  @Option(
      names = "--forecast-model",
      paramLabel = "DIR",
      description =
          "A model saved by 'forecast train': GET /v1/forecast answers from its forecast of"
              + " --forecast-data, made once at start from the day after the data's last sale.")
  Path forecastModel;

  @Option(
      names = "--forecast-data",
      paramLabel = "DIR",
      defaultValue = "out/demo/data",
      description = "Marketplace data for --forecast-model. Default: ${DEFAULT-VALUE}.")
  Path forecastData;

  @Option(
      names = "--state",
      defaultValue = "out/serve",
      description =
          "Folder for the server's own state (the last served experiment config, for the"
              + " carry-over check). Default: ${DEFAULT-VALUE}.")
  Path state;

  private final List<AutoCloseable> watchers = new ArrayList<>();

  /** A started server with what it holds open; closing it stops the server, then the rest. */
  record Running(VitrinaServer server, EventStore store, List<AutoCloseable> watchers)
      implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      watchers.forEach(ServeCommand::closeQuietly);
      closeQuietly(store);
    }
  }

  @Override
  public Integer call() throws Exception {
    Running running = start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                }));
    System.out.println("vitrina serving at http://" + host + ":" + running.server().port() + "/");
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** Loads the models, opens the event log and starts the server; used by {@code demo} too. */
  Running start() throws IOException {
    EventStore store = openEvents(events);
    VitrinaServer server;
    try {
      Live<Recommender> production = production();
      VitrinaServer.Builder b =
          VitrinaServer.builder(production).host(host).port(port).events(store);
      if (forecastModel != null) {
        ForecastTable t = ForecastTable.compute(forecastModel, forecastData);
        System.err.printf(
            "serve: forecasts of %,d series for %d days from %s loaded%n",
            t.seriesCount(), t.horizon(), t.origin());
        b.forecasts(t);
      }
      if (experiment != null) {
        b.experiment(experimentSetup(production));
      }
      server = b.build();
      server.start();
    } catch (IOException | RuntimeException e) {
      watchers.forEach(ServeCommand::closeQuietly);
      closeQuietly(store);
      throw e;
    }
    return new Running(server, store, List.copyOf(watchers));
  }

  private Live<Recommender> production() throws IOException {
    if (registry == null && name == null) {
      if (variantRoles != null) {
        throw new IllegalArgumentException(
            "--variant-role needs --registry and --name; without a registry use --variant-model");
      }
      if (model.equals(DEFAULT_MODEL) && !Files.exists(model)) {
        trainDemoModel();
      }
      return Live.fixed(load(model, "--model"));
    }
    if (registry == null || name == null) {
      throw new IllegalArgumentException(
          "--registry and --name go together: --registry PATH --name NAME serves the recs model"
              + " NAME of that registry (see 'vitrina registry list --registry PATH')");
    }
    return watch(role, "--role");
  }

  /**
   * On a fresh clone there is no model yet: generate the demo marketplace and train the demo's iALS
   * model (a few seconds), saying so, so that {@code vitrina serve} works with no setup.
   */
  private static void trainDemoModel() throws IOException {
    Path data = Path.of("out", "demo", "data");
    System.err.println(
        "serve: no model at " + DEFAULT_MODEL + " yet; building the demo model (a few seconds):");
    if (!Files.isRegularFile(data.resolve("interactions.parquet"))) {
      DemoCommand.runStep(
          true, "generate", "--preset", "demo", "--seed", "42", "--out", data.toString());
    }
    DemoCommand.runStep(true, DemoCommand.recsTrainArgs(data, 42, DEFAULT_MODEL, "ials"));
  }

  private Live<Recommender> watch(String r, String option) throws IOException {
    try {
      RegistryWatcher<Recommender> w =
          RegistryWatcher.start(
              new ModelRegistry(registry),
              "recs",
              name,
              r,
              RecsModels::load,
              poll,
              RegistryWatcher.Listener.logging());
      watchers.add(w);
      return w;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option + " " + r + " of recs/" + name + " in " + registry + ": " + e.getMessage(), e);
    }
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
      String r = variantRoles == null ? null : variantRoles.get(v);
      if (dir != null && r != null) {
        throw new IllegalArgumentException(
            "variant " + v + " has both --variant-model and --variant-role; give one");
      }
      models.put(
          v,
          r != null
              ? watch(r, "--variant-role " + v + "=")
              : dir == null ? production : Live.fixed(load(dir, "--variant-model " + v)));
    }
    if (variantRoles != null) {
      for (String v : variantRoles.keySet()) {
        if (!models.containsKey(v)) {
          throw new IllegalArgumentException(
              "--variant-role "
                  + v
                  + ": no such variant in experiment '"
                  + e.name()
                  + "'; the variants are "
                  + e.variantNames());
        }
      }
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
   * Refuses a config that re-buckets units of the one last served (kept in {@code
   * --state}/experiment.json) unless {@code --force}; then records the new one.
   */
  private void checkCarryOver(AssignmentConfig cfg) throws IOException {
    Path running = state.resolve("experiment.json");
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
  static EventStore openEvents(String spec) throws IOException {
    if (spec.equals("none")) {
      return null;
    }
    try {
      return EventStores.open(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--events " + spec + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("closing " + c + " failed: " + e.getMessage());
      }
    }
  }
}
