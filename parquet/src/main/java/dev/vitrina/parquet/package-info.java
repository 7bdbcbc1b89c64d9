/**
 * A dependency-light Parquet reader and writer for flat tables of primitive columns and dictionary
 * strings: {@link dev.vitrina.parquet.ParquetWriter}, {@link dev.vitrina.parquet.ParquetReader} and
 * the {@link dev.vitrina.parquet.ColumnData} records they exchange. Format internals (Thrift
 * compact protocol, RLE/bit-packing, page codecs) are package-private.
 */
package dev.vitrina.parquet;
