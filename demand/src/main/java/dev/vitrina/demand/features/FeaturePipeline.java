package dev.vitrina.demand.features;

import dev.vitrina.core.check.Checks;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.validate.NoRowsException;
import dev.vitrina.core.validate.ValidationReport;
import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.marketplace.Marketplace;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.demand.panel.PanelBuilder;
import dev.vitrina.demand.panel.PanelOptions;
import dev.vitrina.demand.sales.SalesColumns;
import dev.vitrina.demand.sales.SalesReadOptions;
import dev.vitrina.demand.sales.SalesReader;
import dev.vitrina.demand.sales.SalesTable;
import dev.vitrina.parquet.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Sales file to features file in one call: read and validate, complete the calendar at a level,
 * compute features, stream them to Parquet. What {@code ./vitrina features} runs.
 */
public final class FeaturePipeline {

  private FeaturePipeline() {}

  /**
   * A pipeline run.
   *
   * @param dataDir a marketplace directory (sales plus dimension tables), or null with {@code
   *     salesFile}
   * @param salesFile a sales file read directly (overrides the directory's sales.parquet), or null
   * @param read how to read the sales
   * @param panel level, frequency, start/end
   * @param spec the features
   * @param out the output Parquet file
   * @param codec its compression
   * @param rowsPerGroup rows per row group
   */
  public record Request(
      Path dataDir,
      Path salesFile,
      SalesReadOptions read,
      PanelOptions panel,
      FeatureSpec spec,
      Path out,
      Codec codec,
      int rowsPerGroup) {
    public Request {
      if (dataDir == null && salesFile == null) {
        throw new IllegalArgumentException(
            "give a data directory (Request.dataDir) or a sales file (Request.salesFile)");
      }
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(panel, "panel");
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(codec, "codec");
      Checks.atLeast("rowsPerGroup", rowsPerGroup, 1);
    }
  }

  /**
   * The outcome.
   *
   * @param report what the reader did with the rows
   * @param series series in the panel
   * @param panelRows rows after calendar completion
   * @param growthFactor panel cells per observed (series, period) cell
   * @param rowsBeforeStart sales rows excluded before --start
   * @param rowsAfterEnd sales rows excluded after --end
   * @param features feature names
   * @param notes how features were derived
   * @param written the output file summary
   * @param readSeconds time to read and validate
   * @param panelSeconds time to complete the calendar
   * @param featureSeconds time to compute and write features
   */
  public record Result(
      ValidationReport report,
      int series,
      long panelRows,
      double growthFactor,
      long rowsBeforeStart,
      long rowsAfterEnd,
      List<String> features,
      List<String> notes,
      FeatureEngine.WriteSummary written,
      double readSeconds,
      double panelSeconds,
      double featureSeconds) {
    /** Total seconds. */
    public double seconds() {
      return readSeconds + panelSeconds + featureSeconds;
    }

    /** The flat view of this run that {@code --json} and services return. */
    public Summary summary() {
      return new Summary(
          report.rowsRead(),
          report.rowsKept(),
          report.rowsRejected(),
          report.rejectedByReason(),
          report.duplicatesMerged(),
          report.file(),
          report.issues().stream()
              .map(i -> new Issue(report.file(), i.row(), i.column(), i.value(), i.reason()))
              .toList(),
          rowsBeforeStart,
          rowsAfterEnd,
          series,
          panelRows,
          growthFactor,
          features,
          notes,
          written.file(),
          written.rows(),
          written.columns(),
          written.rowGroups(),
          readSeconds,
          panelSeconds,
          featureSeconds,
          seconds());
    }
  }

  /**
   * A feature run as one flat record: what was read, the panel, the features and the file written.
   *
   * @param rowsRead sales rows read
   * @param rowsKept sales rows kept
   * @param rowsRejected sales rows rejected
   * @param rejectedByReason rejected rows per reason
   * @param duplicatesSummed rows whose (store, item, date) repeated an earlier row, summed into it
   * @param salesFile the sales file read
   * @param issues the first rejected rows, each with file, row, column, value and reason
   * @param rowsBeforeStart sales rows excluded before the start date
   * @param rowsAfterEnd sales rows excluded after the end date
   * @param series series in the panel
   * @param panelRows rows after calendar completion
   * @param growthFactor panel cells per observed (series, period) cell
   * @param features feature names
   * @param notes how features were derived
   * @param out the Parquet file written
   * @param rowsWritten rows written
   * @param columns columns written
   * @param rowGroups row groups written
   * @param readSeconds time to read and validate
   * @param panelSeconds time to complete the calendar
   * @param featureSeconds time to compute and write features
   * @param seconds total time
   */
  public record Summary(
      long rowsRead,
      long rowsKept,
      long rowsRejected,
      Map<String, Long> rejectedByReason,
      long duplicatesSummed,
      String salesFile,
      List<Issue> issues,
      long rowsBeforeStart,
      long rowsAfterEnd,
      int series,
      long panelRows,
      double growthFactor,
      List<String> features,
      List<String> notes,
      Path out,
      long rowsWritten,
      int columns,
      int rowGroups,
      double readSeconds,
      double panelSeconds,
      double featureSeconds,
      double seconds) {}

  /**
   * A rejected sales row.
   *
   * @param file the sales file
   * @param row 1-based data row number
   * @param column the column name
   * @param value the offending value as text
   * @param reason what is wrong and how to fix it
   */
  public record Issue(String file, long row, String column, String value, String reason) {}

  private static NoRowsException noRowsInWindow(
      Path salesFile, SalesTable sales, Panel panel, PanelOptions o) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (int i = 0; i < sales.rows(); i++) {
      first = Math.min(first, sales.day()[i]);
      last = Math.max(last, sales.day()[i]);
    }
    return new NoRowsException(
        salesFile
            + ": no rows left between the start ("
            + (o.start() == null ? "each series' first sale" : o.start())
            + ") and the end ("
            + (o.end() == null ? "the last sale" : o.end())
            + "): "
            + panel.stats().rowsBeforeStart()
            + " sales rows are before the start and "
            + panel.stats().rowsAfterEnd()
            + " after the end; the sales span "
            + LocalDate.ofEpochDay(first)
            + " to "
            + LocalDate.ofEpochDay(last)
            + ". Choose a start and end inside that span (PanelOptions.start, PanelOptions.end),"
            + " or allow empty results (SalesReadOptions.allowEmpty).");
  }

  /** Runs the request; {@code progress} makes a reporter for a task of n units. */
  public static Result run(Request r, LongFunction<Progress> progress) throws IOException {
    long t0 = System.nanoTime();
    Dimensions dims = Dimensions.none();
    Path salesFile = r.salesFile();
    Path prices = null;
    if (r.dataDir() != null) {
      if (salesFile == null
          && Files.isDirectory(r.dataDir())
          && !Files.exists(r.dataDir().resolve("sales.parquet"))) {
        throw new IOException(
            r.dataDir()
                + " has no sales.parquet; generate data with ./vitrina generate, or give the sales"
                + " file separately (Request.salesFile)");
      }
      Marketplace m = Marketplace.load(r.dataDir(), r.salesFile() != null);
      dims = m.dimensions();
      prices = m.pricesFile();
      if (salesFile == null) {
        salesFile = m.salesFile();
      }
    }
    SalesReadOptions read = r.read();
    if (!r.spec().price()) { // price and promo columns are only needed for price features
      SalesColumns c = read.columns();
      read = read.withColumns(new SalesColumns(c.store(), c.item(), c.date(), c.qty(), null, null));
    }
    SalesTable sales = SalesReader.read(salesFile, read, dims);
    long t1 = System.nanoTime();
    Panel panel = PanelBuilder.build(sales, dims, r.panel());
    if (panel.rows() == 0 && !read.allowEmpty()) {
      throw noRowsInWindow(salesFile, sales, panel, r.panel());
    }
    long t2 = System.nanoTime();
    FeatureEngine engine = FeatureEngine.of(panel, dims, sales, prices, r.spec());
    FeatureEngine.WriteSummary written;
    try (Progress p = progress.apply(engine.workUnits())) {
      written = engine.write(r.out(), r.codec(), r.rowsPerGroup(), p);
    }
    long t3 = System.nanoTime();
    return new Result(
        sales.report(),
        panel.seriesCount(),
        panel.rows(),
        panel.growthFactor(),
        panel.stats().rowsBeforeStart(),
        panel.stats().rowsAfterEnd(),
        engine.names(),
        engine.notes(),
        written,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9);
  }
}
