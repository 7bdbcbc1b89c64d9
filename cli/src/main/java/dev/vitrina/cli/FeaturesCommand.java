package dev.vitrina.cli;

import dev.vitrina.demand.features.FeaturePipeline;
import dev.vitrina.demand.features.FeatureSpec;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Level;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesColumns;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.parquet.Codec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina features}: sales to a calendar-completed feature file. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "Complete the calendar with zeros at a level and frequency, then compute lags on the",
      "calendar (never on rows), window means, rolling statistics, calendar and price features,",
      "and write them to Parquet.",
      "Example: vitrina features --data out/demo/data --level store,item --freq day"
          + " --lags 1..7,14,21,28 --out out/features.parquet"
    })
final class FeaturesCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      description = "Marketplace directory (sales.parquet, stores, items, calendar, prices).")
  @LibraryName("Request.dataDir")
  Path data;

  @Option(
      names = "--sales",
      description = "Sales file (CSV or Parquet) to read instead of DIR/sales.parquet.")
  @LibraryName("Request.salesFile")
  Path sales;

  @Option(
      names = "--level",
      defaultValue = "store,item",
      description =
          "Aggregation level: store, item and store/item attributes, e.g. item,city. Default: ${DEFAULT-VALUE}.")
  String level;

  @Option(
      names = "--freq",
      defaultValue = "day",
      description = "day or week. Default: ${DEFAULT-VALUE}.")
  String freq;

  @Option(
      names = "--lags",
      defaultValue = "1..7,14,21,28",
      description = "Lags in periods. Default: ${DEFAULT-VALUE}.")
  String lags;

  @Option(
      names = "--windows",
      defaultValue = "7,14,28,56",
      split = ",",
      description = "Rolling windows (mean, std, max); 'none' for none. Default: ${DEFAULT-VALUE}.")
  String[] windows;

  @Option(names = "--no-means", description = "Skip mean_7 and mean_4w.")
  boolean noMeans;

  @Option(names = "--no-calendar", description = "Skip calendar features.")
  boolean noCalendar;

  @Option(names = "--no-price", description = "Skip price features.")
  @LibraryName("FeatureSpec.price")
  boolean noPrice;

  @Option(
      names = "--start",
      description = "Global start date (yyyy-MM-dd): every series starts here, zero-filled.")
  @LibraryName("PanelOptions.start")
  LocalDate start;

  @Option(
      names = "--end",
      description = "Last date read (yyyy-MM-dd); later rows are excluded and counted.")
  @LibraryName("PanelOptions.end")
  LocalDate end;

  @Option(names = "--out", required = true, description = "Output Parquet file.")
  Path out;

  @Option(
      names = "--codec",
      defaultValue = "snappy",
      description = "uncompressed, snappy, zstd or gzip. Default: ${DEFAULT-VALUE}.")
  Codec codec;

  @Option(
      names = "--row-group-rows",
      defaultValue = "1048576",
      description = "Rows per row group. Default: ${DEFAULT-VALUE}.")
  int rowsPerGroup;

  @Option(
      names = "--on-duplicate",
      defaultValue = "sum",
      description = "Repeated (store, item, date) rows: sum or fail. Default: ${DEFAULT-VALUE}.")
  @LibraryName("SalesReadOptions.onDuplicate")
  SalesReadOptions.OnDuplicate onDuplicate;

  @Option(
      names = "--on-invalid",
      defaultValue = "reject",
      description = "Invalid rows: reject (count and report) or fail. Default: ${DEFAULT-VALUE}.")
  @LibraryName("onInvalid")
  SalesReadOptions.OnInvalid onInvalid;

  @Option(
      names = "--store-col",
      defaultValue = "store_id",
      description = "Store id column. Default: ${DEFAULT-VALUE}.")
  @LibraryName("storeColumn")
  String storeCol;

  @Option(
      names = "--item-col",
      defaultValue = "item_id",
      description = "Item id column. Default: ${DEFAULT-VALUE}.")
  @LibraryName("itemColumn")
  String itemCol;

  @Option(
      names = "--date-col",
      defaultValue = "date",
      description = "Date column. Default: ${DEFAULT-VALUE}.")
  @LibraryName("dateColumn")
  String dateCol;

  @Option(
      names = "--qty-col",
      defaultValue = "qty",
      description = "Quantity column. Default: ${DEFAULT-VALUE}.")
  @LibraryName("qtyColumn")
  String qtyCol;

  @Option(
      names = "--price-col",
      defaultValue = "price",
      description = "Price column (optional). Default: ${DEFAULT-VALUE}.")
  @LibraryName("priceColumn")
  String priceCol;

  @Option(
      names = "--promo-col",
      defaultValue = "promo",
      description = "Promotion flag column (optional). Default: ${DEFAULT-VALUE}.")
  @LibraryName("promoColumn")
  String promoCol;

  @Option(
      names = "--delimiter",
      defaultValue = ",",
      description = "CSV delimiter. Default: '${DEFAULT-VALUE}'.")
  char delimiter;

  @Option(
      names = "--allow-empty",
      description =
          "Write an empty output instead of failing when no sales row is usable (every row"
              + " rejected, none in the file, or none between --start and --end).")
  @LibraryName("SalesReadOptions.allowEmpty")
  boolean allowEmpty;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    FeaturePipeline.Request req = request();
    FeaturePipeline.Result r = FeaturePipeline.run(req, n -> json.progress("features", n));
    json.print(r.summary(), human(r));
    return 0;
  }

  FeaturePipeline.Request request() {
    if (data == null && sales == null) {
      throw new IllegalArgumentException(
          "give --data DIR (a marketplace directory) or --sales FILE; e.g. --data out/demo/data");
    }
    int[] w;
    if (windows.length == 1 && windows[0].equalsIgnoreCase("none")) {
      w = new int[0];
    } else {
      w = new int[windows.length];
      for (int i = 0; i < windows.length; i++) {
        try {
          w[i] = Integer.parseInt(windows[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "cannot read '" + windows[i] + "' in --windows; use e.g. --windows 7,14,28,56");
        }
      }
    }
    FeatureSpec spec =
        new FeatureSpec(FeatureSpec.parseLags(lags), !noMeans, w, !noCalendar, !noPrice, 1);
    SalesReadOptions read =
        new SalesReadOptions(
            new SalesColumns(storeCol, itemCol, dateCol, qtyCol, priceCol, promoCol),
            onDuplicate,
            onInvalid,
            delimiter,
            allowEmpty);
    PanelOptions panel = new PanelOptions(Level.parse(level), Freq.parse(freq), start, end, 0);
    return new FeaturePipeline.Request(data, sales, read, panel, spec, out, codec, rowsPerGroup);
  }

  static String human(FeaturePipeline.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.report().summary()).append('\n');
    if (r.rowsBeforeStart() + r.rowsAfterEnd() > 0) {
      sb.append(
          String.format(
              "excluded by --start/--end: %,d before, %,d after%n",
              r.rowsBeforeStart(), r.rowsAfterEnd()));
    }
    sb.append(
        String.format(
            "panel: %,d series, %,d rows after calendar completion (growth factor %.2fx)%n",
            r.series(), r.panelRows(), r.growthFactor()));
    sb.append(
        String.format("features (%d): %s%n", r.features().size(), String.join(", ", r.features())));
    for (String n : r.notes()) {
      sb.append("note: ").append(n).append('\n');
    }
    sb.append(
        String.format(
            "wrote %s: %,d rows x %d columns in %d row groups%n",
            r.written().file(),
            r.written().rows(),
            r.written().columns(),
            r.written().rowGroups()));
    sb.append(
        String.format(
            "time: %.2f s (read %.2f, calendar %.2f, features+write %.2f)",
            r.seconds(), r.readSeconds(), r.panelSeconds(), r.featureSeconds()));
    return sb.toString();
  }
}
