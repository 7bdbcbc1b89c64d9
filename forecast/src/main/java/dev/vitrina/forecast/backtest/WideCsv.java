package dev.vitrina.forecast.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IOException(file + ": empty file; expected a header 'id,period1,period2,...'");
      }
      String[] cols = header.split(",", -1);
      int periods = cols.length - 1;
      String[] labels = new String[periods];
      System.arraycopy(cols, 1, labels, 0, periods);
      List<String> ids = new ArrayList<>();
      float[] values = new float[1024];
      int used = 0;
      List<Integer> offsets = new ArrayList<>();
      offsets.add(0);
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length > cols.length) {
          throw new IOException(
              file + " line " + lineNo + ": " + cells.length + " cells, header has " + cols.length);
        }
        int len = 0;
        boolean ended = false;
        for (int c = 1; c < cells.length; c++) {
          String cell = cells[c].trim();
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
                    + cols[c]
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
            values = java.util.Arrays.copyOf(values, values.length * 2);
          }
          values[used++] = v;
          len++;
        }
        ids.add(cells[0]);
        offsets.add(offsets.get(offsets.size() - 1) + len);
      }
      int[] off = offsets.stream().mapToInt(Integer::intValue).toArray();
      return new FlatSeries(
          ids.toArray(String[]::new),
          java.util.Arrays.copyOf(values, used),
          off,
          new int[ids.size()],
          labels);
    }
  }
}
