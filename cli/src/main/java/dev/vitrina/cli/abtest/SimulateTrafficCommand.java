package dev.vitrina.cli.abtest;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.serve.sim.TrafficSimulator;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vitrina abtest simulate-traffic}: seeded users visit a running {@code vitrina serve} that
 * runs an experiment, and click with a known lift in the treatment.
 */
@Command(
    name = "simulate-traffic",
    mixinStandardHelpOptions = true,
    description = {
      "Drive a running 'vitrina serve --experiment ...' over HTTP: each of the first --users users",
      "of the model asks for recommendations once (the server assigns the variant and logs the",
      "exposure) and clicks the first item with probability --click-rate in control and",
      "--click-rate x (1 + --lift) in the other variants; the clicks are posted to /v1/events.",
      "Same seed, same clicks. Then stop the server and run 'abtest analyze --events ...'."
    })
public final class SimulateTrafficCommand implements Callable<Integer> {

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "The running service. Default: ${DEFAULT-VALUE}.")
  URI url;

  @Option(
      names = "--users",
      defaultValue = "5000",
      description =
          "Users to simulate (the model's first N, from /v1/users). Default: ${DEFAULT-VALUE}.")
  int users;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "Items per request. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(
      names = "--click-rate",
      defaultValue = "0.2",
      description = "Click probability in control. Default: ${DEFAULT-VALUE}.")
  double clickRate;

  @Option(
      names = "--lift",
      defaultValue = "0.2",
      description = "Relative click lift of the other variants. Default: ${DEFAULT-VALUE}.")
  double lift;

  @Option(
      names = "--control",
      defaultValue = "control",
      description = "The control variant. Default: ${DEFAULT-VALUE}.")
  String control;

  @Option(
      names = "--threads",
      defaultValue = "4",
      description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
  long seed;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    if (users < 1 || users > 10_000) {
      throw new IllegalArgumentException(
          "--users must be between 1 and 10000 (the most /v1/users lists); got " + users);
    }
    List<String> ids;
    try {
      ids = TrafficSimulator.modelUsers(url, users);
    } catch (IOException e) {
      throw new IOException("--url " + e.getMessage(), e);
    }
    TrafficSimulator.Result r =
        new TrafficSimulator(
                new TrafficSimulator.Spec(url, ids, k, clickRate, lift, control, threads, seed))
            .run();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("experiment", r.experiment());
    out.put("users", r.users());
    out.put("clicks", r.clicks());
    out.put("written", r.written());
    out.put("duplicates", r.duplicates());
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Simulated %,d users against %s (experiment %s, seed %d):%n",
                ids.size(),
                url,
                r.experiment(),
                seed));
    for (Map.Entry<String, Integer> e : r.users().entrySet()) {
      int c = r.clicks().getOrDefault(e.getKey(), 0);
      text.append(
          String.format(
              Locale.ROOT,
              "  %-12s %,6d users  %,6d clicks  (%.1f%%)%n",
              e.getKey(),
              e.getValue(),
              c,
              100.0 * c / e.getValue()));
    }
    text.append(
        String.format(
            "  click events committed: %,d new, %,d already in the log",
            r.written(), r.duplicates()));
    json.print(out, text.toString());
    return 0;
  }
}
