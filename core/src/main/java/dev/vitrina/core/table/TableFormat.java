package dev.vitrina.core.table;

import java.io.IOException;
import java.util.List;

/**
 * A file format that fills a {@link Table}. Formats register as {@link java.util.ServiceLoader}
 * services ({@code META-INF/services/dev.vitrina.core.table.TableFormat}): core has delimited text;
 * the {@code vitrina-parquet} module adds Parquet. A format only decodes: it puts each requested
 * field into the table's columns, missing where the file has no value and with the original text
 * where a value does not parse; {@link Tables} applies the row rules and the report.
 */
public interface TableFormat {

  /** The name a {@link TableSource#format()} selects, e.g. {@code csv}. */
  String name();

  /**
   * Decodes {@code fields} of {@code source} into {@code out}.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws dev.vitrina.core.check.ParameterException when a required field's column is absent,
   *     naming the field's parameter, the file and its columns
   * @throws dev.vitrina.core.validate.InvalidFileException when the file is not of this format or a
   *     column has a type the field cannot be read from
   */
  void decode(TableSource source, List<Field> fields, Table.Builder out) throws IOException;

  /**
   * The column names of {@code source}, as {@link Table#columns()} would list them. The default
   * decodes no field; a format overrides it to read only the header or footer.
   */
  default List<String> columns(TableSource source) throws IOException {
    Table.Builder b = new Table.Builder(source, List.of());
    decode(source, List.of(), b);
    return b.columns();
  }
}
