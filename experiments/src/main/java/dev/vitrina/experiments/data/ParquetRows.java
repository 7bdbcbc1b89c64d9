package dev.vitrina.experiments.data;

import dev.vitrina.core.validate.InvalidFileException;
import dev.vitrina.parquet.BooleanColumn;
import dev.vitrina.parquet.ColumnData;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.DoubleColumn;
import dev.vitrina.parquet.FloatColumn;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.LongColumn;
import dev.vitrina.parquet.ParquetReader;
import dev.vitrina.parquet.StringColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Parquet input through the core reader ({@code dev.vitrina.parquet}): the same columns as the CSV
 * layout, any of the flat column types; a null cell reads as an empty field. Positions are 1-based
 * row numbers. Reads the whole file column by column (memory: the columns of the file).
 */
final class ParquetRows {

  private ParquetRows() {}

  static RowSource open(Path file) {
    return new RowSource() {
      @Override
      public String positionWord() {
        return "row";
      }

      @Override
      public void read(Visitor visitor) throws IOException {
        try (ParquetReader r = openReader(file)) {
          List<ColumnSpec> schema = r.schema();
          String[] names = new String[schema.size()];
          for (int i = 0; i < names.length; i++) {
            names[i] = schema.get(i).name();
          }
          visitor.header(names);
          ColumnData[] cols = new ColumnData[names.length];
          for (int i = 0; i < names.length; i++) {
            cols[i] = readColumn(r, names[i]);
          }
          long rows = r.numRows();
          String[] fields = new String[names.length];
          for (int row = 0; row < rows; row++) {
            for (int c = 0; c < cols.length; c++) {
              fields[c] = text(cols[c], row);
            }
            visitor.row(fields, row + 1L);
          }
        }
      }
    };
  }

  private static ParquetReader openReader(Path file) throws IOException {
    try {
      return ParquetReader.open(file);
    } catch (IOException e) {
      throw classify(e);
    }
  }

  private static ColumnData readColumn(ParquetReader r, String name) throws IOException {
    try {
      return r.readColumn(name);
    } catch (IOException e) {
      throw classify(e);
    } catch (UncheckedIOException e) {
      throw classify(e.getCause());
    }
  }

  /**
   * A file that is not valid Parquet (wrong magic, corrupt footer or page, unsupported encoding or
   * type) is bad input: a {@link BadDataException}. Any other I/O failure stays an {@link
   * IOException}.
   */
  private static RuntimeException classify(IOException e) throws IOException {
    if (e instanceof InvalidFileException) {
      return new BadDataException(
          e.getMessage() + "; write the table again as a flat, unencrypted Parquet file, or as CSV",
          e);
    }
    throw e;
  }

  private static String text(ColumnData col, int row) {
    if (col.isNull(row)) {
      return "";
    }
    return switch (col) {
      case StringColumn s -> s.get(row);
      case IntColumn i -> Integer.toString(i.get(row));
      case LongColumn l -> Long.toString(l.get(row));
      case DoubleColumn d -> Double.toString(d.get(row));
      case FloatColumn f -> Float.toString(f.get(row));
      case BooleanColumn b -> b.get(row) ? "1" : "0";
    };
  }
}
