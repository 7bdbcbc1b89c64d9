package dev.vitrina.cli.recs;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.html.Html;
import dev.vitrina.core.storage.AtomicWrite;
import dev.vitrina.recs.RecsModels;
import dev.vitrina.recs.data.ItemAttributes;
import dev.vitrina.recs.model.RecommendOptions;
import dev.vitrina.recs.model.Recommendations;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.model.SequenceAttention;
import dev.vitrina.recs.model.TrainingData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina recs explain}: a sequence model's attention over a user's recent items. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Why a sequence model (sasrec) recommends what it does to a user: the attention of the",
      "last position over the user's recent items (mean over the heads of the last block), the",
      "items it looks at most, the top-k list, and with --html the attention matrix of the last",
      "items as a heatmap with titles.",
      "Example: vitrina recs explain --model out/recs/sasrec --user 1 --html out/recs/explain.html"
    })
final class ExplainCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "A sasrec model ('recs train').")
  Path model;

  @Option(names = "--user", required = true, description = "External user id.")
  String user;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "Recommendations listed. Default: ${DEFAULT-VALUE}.")
  int k;

  @Option(
      names = "--last",
      defaultValue = "20",
      description = "Recent items drawn in the heatmap. Default: ${DEFAULT-VALUE}.")
  int last;

  @Option(
      names = "--because",
      defaultValue = "3",
      description = "Recent items named as the reason. Default: ${DEFAULT-VALUE}.")
  int because;

  @Option(names = "--html", description = "Write the attention heatmap page to this file.")
  Path html;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    for (Object[] p : new Object[][] {{"--k", k}, {"--last", last}, {"--because", because}}) {
      if ((int) p[1] < 1) {
        throw new IllegalArgumentException(p[0] + " must be >= 1, got " + p[1]);
      }
    }
    Recommender m = RecsModels.load(model);
    SequenceAttention att =
        m.capability(SequenceAttention.class)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--model "
                            + model
                            + " is a "
                            + m.name()
                            + " model, which has no attention to show; explain needs a sequence"
                            + " model: train one with 'vitrina recs train --model sasrec'"));
    int u = m.users().require(user, "user");
    int[] seq = att.sequence(u);
    if (seq.length == 0) {
      throw new IllegalArgumentException(
          "--user " + user + " has no training items, so there is no attention to show");
    }
    int[] window = Arrays.copyOfRange(seq, Math.max(0, seq.length - att.maxLength()), seq.length);
    float[][] a = att.attention(window);
    int n = window.length;
    ItemAttributes cat =
        m.capability(TrainingData.class)
            .map(TrainingData::itemAttributes)
            .orElse(ItemAttributes.none(m.items().size()));
    float[] lastRow = a[n - 1];
    Integer[] byWeight = new Integer[n];
    for (int i = 0; i < n; i++) {
      byWeight[i] = i;
    }
    Arrays.sort(byWeight, (x, y) -> Float.compare(lastRow[y], lastRow[x]));
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (int r = 0; r < Math.min(because, n); r++) {
      int pos = byWeight[r];
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("item", m.items().id(window[pos]));
      x.put("title", cat.title(window[pos]).orElse(null));
      x.put("steps_ago", n - 1 - pos);
      x.put("weight", lastRow[pos]);
      reasons.add(x);
    }
    Recommendations recs = m.recommend(u, k, RecommendOptions.defaults());
    int shown = Math.min(last, n);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", m.name());
    out.put("user", user);
    out.put("window", n);
    out.put("because", reasons);
    out.put("items", ItemList.of(recs, m));
    List<String> labels = new ArrayList<>();
    for (int i = n - shown; i < n; i++) {
      labels.add(label(m, cat, window[i]));
    }
    float[][] block = new float[shown][shown];
    for (int i = 0; i < shown; i++) {
      block[i] = Arrays.copyOfRange(a[n - shown + i], n - shown, n);
    }
    out.put("recent_items", labels);
    out.put("attention", block);
    if (html != null) {
      AtomicWrite.writeString(html, page(m, labels, block, reasons, recs, cat));
      out.put("html", html.toString());
    }
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "user %s, model %s, window of %d recent items; recommended mostly because of:%n",
            user,
            m.name(),
            n));
    for (Map<String, Object> r : reasons) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %.3f  %s (%s)%n",
              (float) r.get("weight"),
              r.get("title") == null ? r.get("item") : r.get("title"),
              stepsAgo((int) r.get("steps_ago"))));
    }
    text.append(String.format(Locale.ROOT, "top %d:%n", recs.size()));
    for (int j = 0; j < recs.size(); j++) {
      text.append(
          String.format(
              Locale.ROOT,
              "%3d  %-12s %s%n",
              j + 1,
              m.items().id(recs.items()[j]),
              cat.title(recs.items()[j]).orElse("")));
    }
    if (html != null) {
      text.append("heatmap: ").append(html);
    }
    json.print(out, text.toString().stripTrailing());
    return 0;
  }

  private static String stepsAgo(int n) {
    return n == 0 ? "the latest" : n == 1 ? "1 step ago" : n + " steps ago";
  }

  private static String label(Recommender m, ItemAttributes cat, int item) {
    return cat.title(item).orElse(m.items().id(item));
  }

  /** The heatmap page: one row per query position, one column per recent item. */
  private static String page(
      Recommender m,
      List<String> labels,
      float[][] block,
      List<Map<String, Object>> reasons,
      Recommendations recs,
      ItemAttributes cat) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>vitrina: attention")
        .append("</title><style>body{font:14px sans-serif;margin:24px}")
        .append("table.hm{border-collapse:collapse;margin-top:60px}")
        .append("table.hm td{width:22px;height:22px;")
        .append("border:1px solid #eee}th.col{height:180px;white-space:nowrap;vertical-align:")
        .append("bottom}th.col div{transform:rotate(-60deg);transform-origin:left bottom;")
        .append("width:22px;font-weight:normal}th.row{text-align:right;font-weight:normal;")
        .append("padding-right:6px;white-space:nowrap}</style></head><body>");
    h.append("<h1>Why these recommendations</h1><p>Attention of the model's last block (mean")
        .append(" over heads). Row <i>i</i>: the prediction made after item <i>i</i>; its")
        .append(" weights over items up to <i>i</i> sum to 1 (older items outside the picture")
        .append(" take the rest). The last row is the one behind the recommendations.</p>");
    h.append("<p>Recommended mostly because of: ");
    for (int i = 0; i < reasons.size(); i++) {
      Map<String, Object> r = reasons.get(i);
      h.append(i == 0 ? "" : ", ")
          .append("<b>")
          .append(
              Html.escape(String.valueOf(r.get("title") == null ? r.get("item") : r.get("title"))))
          .append("</b> (")
          .append(String.format(Locale.ROOT, "%.2f", (float) r.get("weight")))
          .append(")");
    }
    float max = 1e-9f;
    for (float[] row : block) {
      for (float w : row) {
        max = Math.max(max, w);
      }
    }
    h.append("</p><p>Darker is more attention (scaled to the largest weight shown, ")
        .append(String.format(Locale.ROOT, "%.2f", max))
        .append("; hover a cell for its weight).</p><table class=\"hm\"><tr><th></th>");
    for (String l : labels) {
      String shortL = l.length() > 32 ? l.substring(0, 31) + "\u2026" : l;
      h.append("<th class=\"col\"><div>").append(Html.escape(shortL)).append("</div></th>");
    }
    h.append("</tr>");
    for (int i = 0; i < block.length; i++) {
      h.append("<tr><th class=\"row\">").append(Html.escape(labels.get(i))).append("</th>");
      for (int j = 0; j < block[i].length; j++) {
        float w = block[i][j];
        double shade = Math.sqrt(Math.max(0, Math.min(1, w / max)));
        h.append(
            String.format(
                Locale.ROOT,
                "<td title=\"%.3f\" style=\"background:rgba(200,40,40,%.3f)\"></td>",
                w,
                shade));
      }
      h.append("</tr>");
    }
    h.append("</table><h2>Top ").append(recs.size()).append("</h2><ol>");
    for (int j = 0; j < recs.size(); j++) {
      h.append("<li>").append(Html.escape(label(m, cat, recs.items()[j]))).append("</li>");
    }
    return h.append("</ol></body></html>\n").toString();
  }
}
