package dev.vitrina.experiments.data;

import java.io.IOException;
import java.nio.file.Path;

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

  /** The CSV source of {@code file}. */
  static RowSource csv(Path file) {
    return new RowSource() {
      @Override
      public String positionWord() {
        return "line";
      }

      @Override
      public void read(Visitor visitor) throws IOException {
        CsvRows.read(file, visitor::header, visitor::row);
      }
    };
  }
}
