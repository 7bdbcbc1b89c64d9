/**
 * One table-input layer for every reader: a {@link dev.vitrina.core.table.TableSource} (a path on
 * any {@code java.nio} file system and how to parse it), the {@link dev.vitrina.core.table.Field}s
 * a reader wants (library parameter, file column, kind, required or not), and a {@link
 * dev.vitrina.core.table.Table} of typed columns with one row-problem report. Formats plug in as
 * services ({@link dev.vitrina.core.table.TableFormat}): delimited text here, Parquet in the {@code
 * vitrina-parquet} module; object stores and uploads come in through the same interface.
 */
package dev.vitrina.core.table;
