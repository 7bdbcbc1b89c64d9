package dev.vitrina.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.demand.features.FeaturePipeline;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.parquet.Codec;
import dev.vitrina.recs.request.geo.RadiusFilter;
import dev.vitrina.synth.DeliveryOutlets;
import dev.vitrina.synth.MarketplaceGenerator;
import dev.vitrina.synth.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina demo}: the main job on bundled synthetic data, no setup. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run vitrina end to end on a synthetic marketplace: generate the demo preset, complete the",
      "calendar at store x item x day and build the demand features, backtest a LightGBM",
      "forecast against baselines, compare recommenders on the synthetic interactions, and plan",
      "and analyze an A/B test. Each later step runs a vitrina command, printed so that you can",
      "run it yourself; reports land under --out."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      defaultValue = "out/demo",
      description = "Output directory. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(
      names = "--preset",
      defaultValue = "demo",
      description = "tiny, demo or m5. Default: ${DEFAULT-VALUE}.")
  String preset;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--skip-models",
      description = "Stop after the features and the A/B test (skip forecasting and recs).")
  boolean skipModels;

  @Mixin JsonOption json;

  private String stepLabel(int i) {
    return i + "/" + (skipModels ? 3 : 7);
  }

  @Override
  public Integer call() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    Path dataDir = out.resolve("data");
    Preset p = Preset.named(preset);
    MarketplaceGenerator g = new MarketplaceGenerator(p, seed);
    long t0 = System.nanoTime();
    MarketplaceGenerator.Summary gen;
    try (Progress progress = json.progress(stepLabel(1) + " generate " + p.name(), g.workUnits())) {
      gen = g.generate(dataDir, progress);
    }
    double genSecs = (System.nanoTime() - t0) / 1e9;
    result.put(
        "generate",
        Map.of(
            "dir", dataDir.toString(),
            "series", gen.series(),
            "days", gen.days(),
            "sales_rows", gen.salesRows(),
            "non_zero_share", gen.nonZeroShare(),
            "interactions", gen.interactions(),
            "seconds", genSecs));
    text.append(
        String.format(
            "1. Generated the '%s' marketplace (seed %d) in %.1f s: %d stores x %d items over %d"
                + " days;%n   sales.parquet holds %,d non-zero rows (%.1f%% of cells), as"
                + " point-of-sale exports do.%n",
            p.name(),
            seed,
            genSecs,
            gen.stores(),
            gen.items(),
            gen.days(),
            gen.salesRows(),
            100 * gen.nonZeroShare()));

    Path featuresFile = out.resolve("features.parquet");
    FeaturePipeline.Request req =
        new FeaturePipeline.Request(
            dataDir,
            null,
            SalesReadOptions.DEFAULT,
            PanelOptions.of(Level.STORE_ITEM, Freq.DAY),
            FeatureSpec.defaults(),
            featuresFile,
            Codec.SNAPPY,
            1 << 20);
    FeaturePipeline.Result fr =
        FeaturePipeline.run(req, n -> json.progress(stepLabel(2) + " features", n));
    result.put("features", fr.summary());
    text.append(
        String.format(
            "2. Completed the calendar at store x item x day: %,d sales rows -> %,d panel rows"
                + " (growth factor %.2fx),%n   computed %d features (lags 1..7,14,21,28 on the"
                + " calendar, mean_7, mean_4w, rolling, calendar, price)%n   in %.2f s and wrote"
                + " %s%n",
            fr.report().rowsKept(),
            fr.panelRows(),
            fr.growthFactor(),
            fr.features().size(),
            fr.seconds(),
            featuresFile));
    text.append(
        String.format(
            "   read %,d rows, rejected %d, duplicates summed %d%n",
            fr.report().rowsRead(), fr.report().rowsRejected(), fr.report().duplicatesMerged()));

    if (!skipModels) {
      forecastStep(dataDir, result, text);
      recsStep(dataDir, result, text);
      requestStep(dataDir, result, text);
    }
    abtestStep(result, text);
    if (!skipModels) {
      liveAbStep(dataDir, result, text);
    }

    text.append("\nOutput: ").append(out.toAbsolutePath().normalize());
    json.print(result, text.toString());
    return 0;
  }

  private void forecastStep(Path dataDir, Map<String, Object> result, StringBuilder text)
      throws Exception {
    Path report = out.resolve("forecast.html");
    JsonNode r =
        step(
            stepLabel(3)
                + " forecast: one 28-day backtest fold, LightGBM at item x state disaggregated to"
                + " store x item x day by shares, against two baselines (under a minute)",
            "forecast",
            "backtest",
            "--data",
            dataDir.toString(),
            "--level",
            "item,state",
            "--freq",
            "day",
            "--horizon",
            "28",
            "--folds",
            "1",
            "--model",
            "lgbm,snaive,tsb",
            "--rounds",
            "150",
            "--learning-rate",
            "0.1",
            "--seed",
            Long.toString(seed),
            "--report",
            report.toString());
    result.put("forecast", r);
    text.append(
        String.format("3. Backtested a 28-day forecast (1 fold), scored at store x item x day:%n"));
    for (JsonNode run : r.path("runs")) {
      text.append(
          String.format(
              Locale.ROOT,
              "   %-7s at %-16s WRMSSE %.3f  WAPE %.3f  (fit %.1f s)%n",
              run.path("model").asText(),
              run.path("level").asText() + " x " + run.path("freq").asText(),
              run.path("wrmsse").asDouble(),
              run.path("wape").asDouble(),
              run.path("fit_seconds").asDouble()));
    }
    text.append("   report: ").append(report).append('\n');
  }

  private void recsStep(Path dataDir, Map<String, Object> result, StringBuilder text)
      throws Exception {
    Path report = out.resolve("recs.html");
    JsonNode r =
        step(
            stepLabel(4)
                + " recs: popular, item-kNN, implicit ALS and EASE on the synthetic interactions,"
                + " 75/25 split per user, top-10",
            "recs",
            "evaluate",
            "--data",
            dataDir.resolve("interactions.parquet").toString(),
            "--split",
            "random-by-user:0.75",
            "--seed",
            Long.toString(seed),
            "--models",
            "popular,itemknn,ials,ease",
            "--k",
            "10",
            "--bootstrap",
            "200",
            "--report",
            report.toString());
    result.put("recs", r);
    text.append(
        String.format(
            "4. Compared recommenders on %,d interactions (%,d users, %,d items), top-10, seen"
                + " items excluded:%n",
            r.path("dataset").path("rows").asLong(),
            r.path("dataset").path("users").asLong(),
            r.path("dataset").path("items").asLong()));
    for (JsonNode m : r.path("models")) {
      JsonNode metrics = m.path("metrics");
      text.append(
          String.format(
              Locale.ROOT,
              "   %-8s NDCG@10 %.3f  recall@10 %.3f  coverage %.2f  (fit %.1f s)%n",
              m.path("model").asText(),
              metric(metrics, "ndcg"),
              metric(metrics, "recall"),
              m.path("coverage").asDouble(),
              m.path("fit_seconds").asDouble()));
    }
    text.append("   report: ").append(report).append('\n');
  }

  private static double metric(JsonNode metrics, String prefix) {
    for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return e.getValue().path("mean").asDouble(Double.NaN);
      }
    }
    return Double.NaN;
  }

  private void requestStep(Path dataDir, Map<String, Object> result, StringBuilder text)
      throws Exception {
    Path model = out.resolve("recs-ials");
    Path page = out.resolve("page.html");
    String user = "U0000001";
    Map<String, Object> r = new LinkedHashMap<>();
    r.put(
        "train",
        step(
            stepLabel(5)
                + " recs requests: iALS with the item catalogue, one request with reasons, one"
                + " page of carousels",
            recsTrainArgs(dataDir, seed, model, "ials")));
    JsonNode rec =
        step(
            null,
            "recs",
            "recommend",
            "--model",
            model.toString(),
            "--user",
            user,
            "--k",
            "5",
            "--explain");
    r.put("recommend", rec);
    String trigger = rec.path("items").path(0).path("item").asText();
    JsonNode trig =
        step(
            null,
            "recs",
            "recommend",
            "--model",
            model.toString(),
            "--user",
            user,
            "--k",
            "5",
            "--trigger",
            trigger,
            "--explain");
    r.put("trigger", trig);
    JsonNode pg =
        step(
            null,
            "recs",
            "page",
            "--model",
            model.toString(),
            "--user",
            user,
            "--rows",
            "6",
            "--cols",
            "8",
            "--html",
            page.toString());
    r.put("page", pg);
    JsonNode delivery = deliveryFeed();
    r.put("delivery", delivery);
    result.put("requests", r);
    text.append(
        String.format(
            "5. Served user %s through the request pipeline (stages %s), top item %s because %s;%n"
                + "   after a click on %s the feed follows it (stages %s): first %s because %s;%n"
                + "   composed a page of %d carousels (%d duplicates in view, %d categories):%n",
            user,
            rec.path("stages").toString(),
            rec.path("items").path(0).path("item").asText(),
            rec.path("items").path(0).path("reasons").path(0).toString(),
            trigger,
            trig.path("stages").toString(),
            trig.path("items").path(0).path("item").asText(),
            trig.path("items").path(0).path("reasons").path(0).toString(),
            pg.path("rows").size(),
            pg.path("duplicates_in_view").asInt(),
            pg.path("categories_in_view").asInt()));
    for (JsonNode row : pg.path("rows")) {
      text.append("   - ").append(row.path("title").asText()).append('\n');
    }
    text.append("   page: ").append(page).append('\n');
    JsonNode first = delivery.path("items").path(0);
    text.append(
        String.format(
            Locale.ROOT,
            "   delivery feed for %s at %s: %d outlets within %.0f km, first %s (%s km, ~%s min)%n",
            delivery.path("user").asText(),
            delivery.path("location").path("lat").asText()
                + ","
                + delivery.path("location").path("lon").asText(),
            delivery.path("items").size(),
            RadiusFilter.DEFAULT_RADIUS_KM,
            first.path("item").asText(),
            first.path("reasons").path(0).path("km").asText(),
            first.path("reasons").path(0).path("eta_min").asText()));
  }

  /**
   * A location-aware feed: seeded delivery outlets around the preset's stores (with coordinates and
   * preparation times) and their customers' orders are written as CSV, an item-kNN model is trained
   * on them with the outlets as catalogue, and one customer at home gets the outlets within the
   * delivery radius, each with its distance and ETA.
   */
  private JsonNode deliveryFeed() throws Exception {
    Path dir = out.resolve("delivery");
    Files.createDirectories(dir);
    Preset p = Preset.named(preset);
    List<DeliveryOutlets.Outlet> outlets = DeliveryOutlets.outlets(p, seed, 20);
    List<DeliveryOutlets.Customer> customers = DeliveryOutlets.customers(p, seed, 400);
    List<DeliveryOutlets.Order> orders = DeliveryOutlets.orders(customers, outlets, seed, 8);
    StringBuilder o = new StringBuilder("item_id,title,category,lat,lon,prep_minutes\n");
    for (DeliveryOutlets.Outlet x : outlets) {
      o.append(
          String.format(
              Locale.ROOT,
              "%s,Outlet %s,%s,%.6f,%.6f,%.0f%n",
              x.id(),
              x.id(),
              x.storeId(),
              x.point().lat(),
              x.point().lon(),
              x.prepMinutes()));
    }
    AtomicWrite.writeString(dir.resolve("outlets.csv"), o.toString());
    StringBuilder d = new StringBuilder("user_id,item_id\n");
    for (DeliveryOutlets.Order x : orders) {
      d.append(x.userId()).append(',').append(x.outletId()).append('\n');
    }
    AtomicWrite.writeString(dir.resolve("orders.csv"), d.toString());
    Path model = dir.resolve("model");
    step(
        null,
        "recs",
        "train",
        "--data",
        dir.resolve("orders.csv").toString(),
        "--items",
        dir.resolve("outlets.csv").toString(),
        "--model",
        "itemknn",
        "--out",
        model.toString());
    // the customer with the most outlets within the radius they have not ordered from yet
    DeliveryOutlets.Customer c = customers.get(0);
    int best = -1;
    for (DeliveryOutlets.Customer x : customers) {
      java.util.Set<String> ordered = new java.util.HashSet<>();
      for (DeliveryOutlets.Order q : orders) {
        if (q.userId().equals(x.userId())) {
          ordered.add(q.outletId());
        }
      }
      if (ordered.isEmpty()) {
        continue;
      }
      int n = 0;
      for (DeliveryOutlets.Outlet y : outlets) {
        if (!ordered.contains(y.id())
            && x.home().distanceKm(y.point()) <= RadiusFilter.DEFAULT_RADIUS_KM) {
          n++;
        }
      }
      if (n > best) {
        best = n;
        c = x;
      }
    }
    return step(
        null,
        "recs",
        "recommend",
        "--model",
        model.toString(),
        "--user",
        c.userId(),
        "--lat",
        String.format(Locale.ROOT, "%.6f", c.home().lat()),
        "--lon",
        String.format(Locale.ROOT, "%.6f", c.home().lon()),
        "--k",
        "5");
  }

  private void abtestStep(Map<String, Object> result, StringBuilder text) throws Exception {
    int n = skipModels ? 3 : 6; // the last step
    JsonNode plan =
        step(
            stepLabel(n)
                + " abtest: plan a 70/30 test of +5% on a 5% conversion, simulate its"
                + " events and analyze them",
            "abtest",
            "plan",
            "--metric",
            "proportion",
            "--baseline",
            "0.05",
            "--mde",
            "0.05",
            "--relative",
            "--split",
            "70/30",
            "--alpha",
            "0.05",
            "--power",
            "0.8");
    Path events = out.resolve("abtest-events.csv");
    Path report = out.resolve("abtest.html");
    JsonNode sim =
        step(
            null,
            "abtest",
            "simulate-events",
            "--out",
            events.toString(),
            "--split",
            "70/30",
            "--seed",
            Long.toString(seed));
    JsonNode an =
        step(
            null,
            "abtest",
            "analyze",
            "--events",
            events.toString(),
            "--experiment",
            sim.path("experiment").asText(),
            "--weights",
            "control:70,treatment:30",
            "--cuped",
            "--report",
            report.toString());
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("plan", plan);
    ab.put("events", sim);
    ab.put("analysis", an);
    result.put("abtest", ab);
    text.append(
        String.format(
            Locale.ROOT,
            "%d. A/B test: +5%% relative on a 5%% conversion at 70/30 needs %,d users (%s);%n"
                + "   simulated %,d events of %,d users and analyzed them:%n   %s%n",
            n,
            plan.path("total_units").asLong(),
            plan.path("variance_assumption").asText(),
            sim.path("rows").asLong(),
            sum(sim.path("users_per_variant")),
            an.path("srm").path("verdict").asText()));
    appendMetrics(text, an, "");
    long users = sum(sim.path("users_per_variant"));
    if (users < plan.path("total_units").asLong()) {
      text.append(
          String.format(
              "   (%,d users is far below the planned %,d: only large effects can show; the"
                  + " always-valid p-values in the report allow looking daily)%n",
              users, plan.path("total_units").asLong()));
    }
    text.append("   report: ").append(report).append('\n');
  }

  /** The demo's iALS model with the item catalogue; {@code vitrina serve} trains the same one. */
  static String[] recsTrainArgs(Path dataDir, long seed, Path model, String algorithm) {
    return new String[] {
      "recs",
      "train",
      "--data",
      dataDir.resolve("interactions.parquet").toString(),
      "--timestamp-col",
      "timestamp",
      "--items",
      dataDir.resolve("items.parquet").toString(),
      "--item-category-col",
      "subcategory",
      "--model",
      algorithm,
      "--seed",
      Long.toString(seed),
      "--out",
      model.toString()
    };
  }

  /**
   * The last step: a live A/B test. The demo iALS model and an EASE model go into a registry as
   * {@code production} and {@code candidate}; {@code vitrina serve} serves them as control and
   * treatment on a free port with the event log in DuckDB; seeded users visit it and click with a
   * known lift in the treatment; the server stops and {@code abtest analyze} reads the log.
   */
  private void liveAbStep(Path dataDir, Map<String, Object> result, StringBuilder text)
      throws Exception {
    Path live = out.resolve("live");
    Path registry = live.resolve("registry");
    Path ease = live.resolve("recs-ease");
    Path config = live.resolve("experiment.json");
    Path events = live.resolve("events.duckdb");
    AtomicWrite.deleteRecursively(live); // the demo's own output: each run starts a fresh test
    Files.createDirectories(live);
    double lift = 0.2;
    step(
        stepLabel(7)
            + " live A/B: serve iALS (control) and EASE (treatment) from a registry, simulate"
            + " traffic with a +20% click lift in the treatment, analyze the logged events",
        recsTrainArgs(dataDir, seed, ease, "ease"));
    step(
        null,
        "registry",
        "push",
        "recs",
        "demo",
        out.resolve("recs-ials").toString(),
        "--registry",
        registry.toString(),
        "--promote",
        "production");
    step(
        null,
        "registry",
        "push",
        "recs",
        "demo",
        ease.toString(),
        "--registry",
        registry.toString(),
        "--promote",
        "candidate");
    AtomicWrite.writeString(
        config,
        "{\"name\": \"live-demo\", \"salt\": \"live-demo/1\", \"coverage\": 1.0,\n"
            + " \"variants\": [{\"name\": \"control\", \"weight\": 50},"
            + " {\"name\": \"treatment\", \"weight\": 50}]}\n");
    String[] serve = {
      "serve",
      "--registry",
      registry.toString(),
      "--name",
      "demo",
      "--experiment",
      config.toString(),
      "--variant-role",
      "treatment=candidate",
      "--events",
      "duckdb:" + events,
      "--state",
      live.toString(),
      "--port",
      "0"
    };
    if (!json.enabled()) {
      System.err.println("   $ ./vitrina " + String.join(" ", serve) + " &");
    }
    ServeCommand cmd = new ServeCommand();
    new picocli.CommandLine(cmd)
        .registerConverter(Path.class, VitrinaCli::parsePath)
        .parseArgs(Arrays.copyOfRange(serve, 1, serve.length));
    JsonNode sim;
    try (ServeCommand.Running running = cmd.start()) {
      String url = "http://127.0.0.1:" + running.server().port();
      sim =
          step(
              null,
              "abtest",
              "simulate-traffic",
              "--url",
              url,
              "--users",
              "5000",
              "--click-rate",
              "0.2",
              "--lift",
              Double.toString(lift),
              "--seed",
              Long.toString(seed));
    }
    Path report = live.resolve("abtest.html");
    JsonNode an =
        step(
            null,
            "abtest",
            "analyze",
            "--events",
            "duckdb:" + events,
            "--experiment",
            "live-demo",
            "--experiment-config",
            config.toString(),
            "--metrics",
            "clicks_per_user",
            "--report",
            report.toString());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("traffic", sim);
    r.put("analysis", an);
    result.put("live_abtest", r);
    text.append(
        String.format(
            Locale.ROOT,
            "7. Live A/B test: served iALS (control) and EASE (treatment) from the registry over"
                + " HTTP; %,d simulated users%n   (%s) clicked with a known +%.0f%% lift in the"
                + " treatment; %,d clicks and one exposure per user went to the DuckDB event"
                + " log.%n   abtest analyze on the log: %s%n",
            sum(sim.path("users")),
            sim.path("users").toString(),
            100 * lift,
            sim.path("written").asLong(),
            an.path("srm").path("verdict").asText()));
    appendMetrics(text, an, String.format(Locale.ROOT, " (true lift +%.0f%%)", 100 * lift));
    text.append("   report: ").append(report).append('\n');
  }

  private static void appendMetrics(StringBuilder text, JsonNode analysis, String suffix) {
    for (JsonNode m : analysis.path("metrics")) {
      JsonNode c = m.path("comparison");
      JsonNode rel = c.path("relative");
      text.append(
          String.format(
              Locale.ROOT,
              "   %-17s %+.1f%% [%+.1f%%, %+.1f%%]  p %.2g  %s%s%n",
              m.path("metric").asText(),
              100 * rel.path("value").asDouble(),
              100 * rel.path("ci").path("low").asDouble(),
              100 * rel.path("ci").path("high").asDouble(),
              c.path("test").path("p_value").asDouble(),
              m.path("significant").asBoolean() ? "significant" : "not significant",
              suffix));
    }
  }

  private static long sum(JsonNode array) {
    long s = 0;
    for (JsonNode x : array) {
      s += x.asLong();
    }
    return s;
  }

  /**
   * Runs one vitrina command in this process with {@code --json} and returns its JSON result. The
   * command line is printed first (unless --json), so the step can be rerun by hand.
   */
  private JsonNode step(String label, String... args) throws Exception {
    if (!json.enabled() && label != null) {
      System.err.println(label);
    }
    return runStep(!json.enabled(), args);
  }

  /**
   * Runs {@code ./vitrina ARGS --json} in this process and returns its JSON result; with {@code
   * echo}, prints the command line first and the command's warnings after.
   *
   * @throws IOException naming the command and its error output when it exits non-zero
   */
  static JsonNode runStep(boolean echo, String... args) throws IOException {
    if (echo) {
      System.err.println("   $ ./vitrina " + String.join(" ", args));
    }
    String[] full = Arrays.copyOf(args, args.length + 1);
    full[args.length] = "--json";
    VitrinaCli.Captured r = VitrinaCli.capture(full);
    if (r.code() != 0) {
      throw new IOException(
          "step failed (exit "
              + r.code()
              + "): ./vitrina "
              + String.join(" ", args)
              + "\n"
              + r.err());
    }
    if (echo && !r.err().isBlank()) {
      System.err.print(r.err()); // warnings of the step, never dropped
    }
    return r.json();
  }
}
