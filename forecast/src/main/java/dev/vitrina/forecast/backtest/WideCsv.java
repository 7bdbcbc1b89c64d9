package dev.vitrina.forecast.backtest;

import dev.vitrina.core.io.csv.CsvOptions;
import dev.vitrina.core.io.csv.CsvReader;
import dev.vitrina.core.io.csv.CsvRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads series stored one per row in a wide CSV: the first column is the series id, the others are
 * consecutive periods whose labels are the header (e.g. the car parts data: {@code
 * Part,Jan-98,...}). Empty trailing cells end a series early (a series that stopped being
 * recorded); an empty cell followed by a value, a negative or a non-numeric value is an error
 * naming the file, line and column.
 */
public final class WideCsv {

  private WideCsv() {}

  /** Reads the file; every series starts at period 0. */
  public static FlatSeries read(Path file) throws IOException {
    try (CsvReader in = CsvReader.open(file, CsvOptions.csv())) {
      List<String> cols = in.header();
      if (cols.isEmpty()) {
        throw new IOException(file + ": empty file; expected a header 'id,period1,period2,...'");
      }
      String[] labels = cols.subList(1, cols.size()).toArray(String[]::new);
      List<String> ids = new ArrayList<>();
      float[] values = new float[1024];
      int used = 0;
      List<Integer> offsets = new ArrayList<>();
      offsets.add(0);
      for (CsvRow row : in) {
        long lineNo = row.lineNumber();
        int cells = row.fieldCount();
        if (cells > cols.size()) {
          throw new IOException(
              file + " line " + lineNo + ": " + cells + " cells, header has " + cols.size());
        }
        int len = 0;
        boolean ended = false;
        for (int c = 1; c < cells; c++) {
          String cell = row.field(c).trim();
          if (cell.isEmpty() || cell.equals("NA")) {
            ended = true;
            continue;
          }
          if (ended) {
            throw new IOException(
                file
                    + " line "
                    + lineNo
                    + " column "
                    + (c + 1)
                    + " ("
                    + cols.get(c)
                    + "): a value after an empty cell; only trailing cells may be empty (fill"
                    + " gaps with 0)");
          }
          float v;
          try {
            v = Float.parseFloat(cell);
          } catch (NumberFormatException e) {
            throw new IOException(
                file + " line " + lineNo + " column " + (c + 1) + ": not a number: '" + cell + "'",
                e);
          }
          if (!(v >= 0)) {
            throw new IOException(
                file + " line " + lineNo + " column " + (c + 1) + ": negative demand " + v);
          }
          if (used == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
          }
          values[used++] = v;
          len++;
        }
        ids.add(row.field(0));
        offsets.add(offsets.get(offsets.size() - 1) + len);
      }
      int[] off = offsets.stream().mapToInt(Integer::intValue).toArray();
      return new FlatSeries(
          ids.toArray(String[]::new),
          Arrays.copyOf(values, used),
          off,
          new int[ids.size()],
          labels);
    }
  }
}
