package dev.vitrina.sasrec.bench;

import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.DelimitedFormat;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.data.InteractionsReader;
import dev.vitrina.recs.eval.EvalOptions;
import dev.vitrina.recs.eval.EvaluationReport;
import dev.vitrina.recs.eval.Evaluator;
import dev.vitrina.recs.eval.ModelResult;
import dev.vitrina.recs.eval.Splitters;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SeenItems;
import dev.vitrina.recs.model.Trainer;
import dev.vitrina.recs.model.UnknownUserPolicy;
import dev.vitrina.sasrec.SasRecConfig;
import dev.vitrina.sasrec.SasRecModel;
import dev.vitrina.sasrec.SasRecTrainer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SASRec on MovieLens 1M sequences beside iALS and EASE, leave-one-out (each line's last item is
 * the test target, the one before it SASRec's validation item), full ranking, seen items excluded,
 * HR@10 and nDCG@10. Prints every SASRec epoch as it ends; writes the table, the validation curve,
 * epochs and wall time as JSON.
 *
 * <p>Usage: {@code SasRecBench --data DIR --out FILE [--save MODEL_DIR] [--models sasrec,ials,ease]
 * [key=value ...]} where the key=value pairs are SASRec parameters (e.g. {@code loss=bce
 * max_minutes=60}).
 */
public final class SasRecBench {

  private SasRecBench() {}

  public static void main(String[] args) throws Exception {
    Path data = null;
    Path out = null;
    Path save = null;
    List<String> models = List.of("sasrec", "ials", "ease");
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--save" -> save = Path.of(args[++i]);
        case "--models" -> models = List.of(args[++i].split(","));
        default -> {
          String[] kv = args[i].split("=", 2);
          if (kv.length != 2) {
            throw new IllegalArgumentException(
                "expected --data, --out, --models or key=value, got '" + args[i] + "'");
          }
          params.put(kv[0], kv[1]);
        }
      }
    }
    if (data == null || out == null) {
      throw new IllegalArgumentException("usage: SasRecBench --data DIR --out FILE [key=value...]");
    }
    Interactions all = InteractionsReader.read(data, "sequences", DelimitedFormat.csv());
    SasRecConfig config = SasRecConfig.fromParams(params);
    List<SasRecModel> fitted = new ArrayList<>();
    Map<String, Trainer<? extends Recommender>> trainers = new LinkedHashMap<>();
    for (String m : models) {
      switch (m) {
        case "sasrec" -> trainers.put("sasrec", capturing(new SasRecTrainer(config), fitted));
        // iALS as tuned on this data's validation item (docs/formulations.md, trigger-induced)
        case "ials" ->
            trainers.put(
                "ials",
                RecsModels.trainer(
                    "ials",
                    Map.of(
                        "factors",
                        "256",
                        "regularization",
                        "30",
                        "alpha",
                        "1",
                        "iterations",
                        "15",
                        "seed",
                        "42")));
        default -> trainers.put(m, RecsModels.trainer(m, Map.of()));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s sasrec %s, %d users, %d items, %d interactions%n",
        now(),
        config.toParams(),
        all.numUsers(),
        all.numItems(),
        all.size());
    long t0 = System.nanoTime();
    EvaluationReport r =
        Evaluator.evaluate(
            all,
            List.of(Splitters.bySpec(all, "last-n:1", 42).get(0)),
            trainers,
            new EvalOptions(
                10, SeenItems.EXCLUDE, UnknownUserPolicy.FALLBACK_POPULAR, 200, 0.95, 42),
            lines());
    System.out.println(r.toTable());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("data", data.toString());
    json.put("protocol", "leave-one-out (last-n:1), full ranking, seen items excluded, k=10");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ModelResult m : r.models()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("model", m.model());
      row.put("hr10", m.mean("hit_rate"));
      row.put("ndcg10", m.mean("ndcg"));
      row.put("fit_seconds", m.fitSeconds());
      row.put("recommend_seconds", m.recommendSeconds());
      row.put("users", m.users());
      row.put("parameters", m.parameters());
      rows.add(row);
      System.out.printf(
          Locale.ROOT,
          "%-8s HR@10 %.4f nDCG@10 %.4f fit %.1f s%n",
          m.model(),
          m.mean("hit_rate"),
          m.mean("ndcg"),
          m.fitSeconds());
    }
    json.put("models", rows);
    if (!fitted.isEmpty()) {
      SasRecTrainer.TrainingLog log = fitted.get(0).trainingLog();
      json.put("sasrec_training", log);
      double train = log.epochs().stream().mapToDouble(SasRecTrainer.EpochLog::seconds).sum();
      System.out.printf(
          Locale.ROOT,
          "sasrec: %d epochs in %.1f min (%.1f s per epoch incl. validation), best epoch %d%n",
          log.epochs().size(),
          train / 60,
          train / log.epochs().size(),
          log.bestEpoch());
      json.put("inference_ms", latency(fitted.get(0)));
      if (save != null) {
        fitted.get(0).save(save);
        System.out.println("saved the SASRec model to " + save);
      }
    }
    json.put("seconds", (System.nanoTime() - t0) / 1e9);
    AtomicWrite.writeString(out, Json.write(json) + "\n");
    System.out.println("wrote " + out);
  }

  /**
   * One request at a time, one thread: top 10 for a history of the last {@code max_len} items of a
   * user (1,000 users drawn with a seed, after 100 warm-up requests); p50, p99 and max in ms.
   */
  private static Map<String, Object> latency(SasRecModel m) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    int n = 1100;
    double[] ms = new double[n];
    int longest = 0;
    for (int r = 0; r < n; r++) {
      int[] seq = m.sequence(rnd.nextInt(m.users().size()));
      int[] h =
          java.util.Arrays.copyOfRange(seq, Math.max(0, seq.length - m.maxLength()), seq.length);
      longest = Math.max(longest, h.length);
      long t0 = System.nanoTime();
      m.recommend(
          dev.vitrina.recs.model.RequestContext.ofHistory(h),
          10,
          dev.vitrina.recs.model.RecommendOptions.defaults());
      ms[r] = (System.nanoTime() - t0) / 1e6;
    }
    double[] timed = java.util.Arrays.copyOfRange(ms, 100, n);
    java.util.Arrays.sort(timed);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("requests", timed.length);
    out.put("longest_history", longest);
    out.put("p50", timed[timed.length / 2]);
    out.put("p99", timed[(int) Math.ceil(timed.length * 0.99) - 1]);
    out.put("max", timed[timed.length - 1]);
    System.out.printf(
        Locale.ROOT,
        "inference, one request at a time (history up to %d items, top 10): p50 %.2f ms, p99 %.2f"
            + " ms, max %.2f ms%n",
        longest,
        out.get("p50"),
        out.get("p99"),
        out.get("max"));
    return out;
  }

  private static Trainer<SasRecModel> capturing(SasRecTrainer t, List<SasRecModel> into) {
    return new Trainer<>() {
      @Override
      public String name() {
        return t.name();
      }

      @Override
      public Map<String, Object> parameters() {
        return t.parameters();
      }

      @Override
      public SasRecModel fit(Interactions data, Progress progress) {
        SasRecModel m = t.fit(data, progress);
        into.add(m);
        return m;
      }
    };
  }

  private static String now() {
    return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Progress as log lines: every message on its own line, with the time. */
  private static Progress lines() {
    return new Progress() {
      @Override
      public void step(long n) {}

      @Override
      public void message(String text) {
        System.out.println(now() + " " + text);
        System.out.flush();
      }

      @Override
      public void close() {}
    };
  }
}
