package dev.vitrina.experiments.data;

import dev.vitrina.core.io.parquet.BooleanColumn;
import dev.vitrina.core.io.parquet.ColumnData;
import dev.vitrina.core.io.parquet.ColumnSpec;
import dev.vitrina.core.io.parquet.DoubleColumn;
import dev.vitrina.core.io.parquet.FloatColumn;
import dev.vitrina.core.io.parquet.IntColumn;
import dev.vitrina.core.io.parquet.LongColumn;
import dev.vitrina.core.io.parquet.ParquetReader;
import dev.vitrina.core.io.parquet.StringColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Parquet input through the core reader ({@code dev.vitrina.core.io.parquet}): the same columns as
 * the CSV layout, any of the flat column types; a null cell reads as an empty field. Positions are
 * 1-based row numbers. Reads the whole file column by column (memory: the columns of the file).
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
        try (ParquetReader r = ParquetReader.open(file)) {
          List<ColumnSpec> schema = r.schema();
          String[] names = new String[schema.size()];
          for (int i = 0; i < names.length; i++) {
            names[i] = schema.get(i).name();
          }
          visitor.header(names);
          ColumnData[] cols = new ColumnData[names.length];
          for (int i = 0; i < names.length; i++) {
            cols[i] = r.readColumn(names[i]);
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
