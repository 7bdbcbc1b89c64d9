package dev.vitrina.experiments.data;

import dev.vitrina.core.io.csv.CsvException;
import dev.vitrina.core.io.csv.CsvOptions;
import dev.vitrina.core.io.csv.CsvReader;
import dev.vitrina.core.io.csv.CsvRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A table read row by row as text fields, whatever the file format. */
interface RowSource {

  /** Receives the header, then each row with a position such as {@code "line 12"}. */
  interface Visitor {
    void header(String[] names) throws IOException;

    void row(String[] fields, long position) throws IOException;
  }

  /** The word for a position ("line" for CSV, "row" for Parquet). */
  String positionWord();

  /** Streams the table into {@code visitor}. */
  void read(Visitor visitor) throws IOException;

  /**
   * The CSV source of {@code file}, read with the core reader ({@link CsvReader}: comma-separated,
   * RFC-4180 quoting, optional BOM, blank lines skipped). Positions are the 1-based physical line
   * where a record starts. Every record must have as many fields as the header; malformed quoting
   * and short or long records stop with a {@link BadDataException} naming the file and line.
   */
  static RowSource csv(Path file) {
    return new RowSource() {
      @Override
      public String positionWord() {
        return "line";
      }

      @Override
      public void read(Visitor visitor) throws IOException {
        try (CsvReader in = CsvReader.open(file, CsvOptions.csv())) {
          List<String> head = in.header();
          if (head.isEmpty()) {
            throw new BadDataException(
                file + " is empty; expected a header line such as unit,variant,event,value,day");
          }
          String[] h = new String[head.size()];
          for (int i = 0; i < h.length; i++) {
            h[i] = head.get(i).trim();
          }
          visitor.header(h);
          String[] fields = new String[h.length];
          for (CsvRow row = in.next(); row != null; row = in.next()) {
            if (row.fieldCount() != h.length) {
              throw new BadDataException(
                  file
                      + " line "
                      + row.lineNumber()
                      + ": expected "
                      + h.length
                      + " fields as in the header "
                      + String.join(",", h)
                      + ", got "
                      + row.fieldCount()
                      + ": "
                      + abbreviate(joined(row))
                      + "; quote fields that contain commas");
            }
            for (int i = 0; i < h.length; i++) {
              fields[i] = row.field(i);
            }
            visitor.row(fields, row.lineNumber());
          }
        } catch (CsvException e) {
          throw new BadDataException(e.getMessage());
        }
      }
    };
  }

  private static String joined(CsvRow row) {
    StringBuilder b = new StringBuilder("'");
    for (int i = 0; i < row.fieldCount(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(row.field(i));
    }
    return b.append('\'').toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
