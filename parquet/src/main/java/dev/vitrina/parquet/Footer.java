package dev.vitrina.parquet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parquet footer metadata: the parts vitrina uses, parsed from and written to Thrift. */
final class Footer {

  private Footer() {}

  /** A parsed {@code LogicalType}: {@code kind} is the union field id, 0 when absent. */
  record Logical(
      int kind, int unit, boolean utc, int bitWidth, boolean signed, int scale, int precision) {
    static final Logical NONE = new Logical(0, 0, false, 0, true, 0, 0);
  }

  /** A parsed {@code SchemaElement}; absent optional ints are -1. */
  record SchemaElement(
      int type,
      int typeLength,
      int repetition,
      String name,
      int numChildren,
      int convertedType,
      int scale,
      int precision,
      Logical logical) {}

  /** A parsed {@code ColumnChunk} with its {@code ColumnMetaData}; absent offsets are -1. */
  record ChunkMeta(
      String filePath,
      int type,
      int codec,
      long numValues,
      long totalUncompressed,
      long totalCompressed,
      long dataPageOffset,
      long dictionaryPageOffset,
      List<String> path) {

    /** File offset of the first page: the dictionary page when there is one. */
    long start() {
      return dictionaryPageOffset > 0 && dictionaryPageOffset < dataPageOffset
          ? dictionaryPageOffset
          : dataPageOffset;
    }
  }

  /** A parsed {@code RowGroup}. */
  record RowGroupMeta(long numRows, List<ChunkMeta> columns) {}

  /**
   * A parsed {@code FileMetaData}; {@code keyValues} is its {@code key_value_metadata} in file
   * order (a key without a value maps to null, a repeated key keeps its first value).
   */
  record FileMeta(
      long numRows,
      List<SchemaElement> schema,
      List<RowGroupMeta> rowGroups,
      String createdBy,
      boolean encrypted,
      Map<String, String> keyValues) {}

  // ---------------------------------------------------------------- parsing

  static FileMeta parse(byte[] buf, int off, int len) {
    ThriftReader r = new ThriftReader(buf, off, off + len);
    long numRows = -1;
    List<SchemaElement> schema = new ArrayList<>();
    List<RowGroupMeta> rowGroups = new ArrayList<>();
    String createdBy = null;
    boolean encrypted = false;
    Map<String, String> keyValues = new LinkedHashMap<>();
    r.enterStruct();
    int t;
    while ((t = r.field()) != 0) {
      switch (r.fieldId) {
        case 2 -> {
          r.expect(t, ThriftReader.LIST, "FileMetaData.schema");
          int n = r.listSize();
          for (int i = 0; i < n; i++) {
            schema.add(parseSchemaElement(r));
          }
        }
        case 3 -> {
          r.expect(t, ThriftReader.I64, "FileMetaData.num_rows");
          numRows = r.i64();
        }
        case 4 -> {
          r.expect(t, ThriftReader.LIST, "FileMetaData.row_groups");
          int n = r.listSize();
          for (int i = 0; i < n; i++) {
            rowGroups.add(parseRowGroup(r));
          }
        }
        case 5 -> {
          r.expect(t, ThriftReader.LIST, "FileMetaData.key_value_metadata");
          int n = r.listSize();
          for (int i = 0; i < n; i++) {
            parseKeyValue(r, keyValues);
          }
        }
        case 6 -> {
          r.expect(t, ThriftReader.BINARY, "FileMetaData.created_by");
          createdBy = r.string();
        }
        case 8 -> {
          encrypted = true;
          r.skip(t);
        }
        default -> r.skip(t);
      }
    }
    r.exitStruct();
    if (schema.isEmpty()) {
      throw new CorruptException("footer has no schema");
    }
    if (numRows < 0) {
      numRows = 0;
      for (RowGroupMeta g : rowGroups) {
        numRows += g.numRows();
      }
    }
    return new FileMeta(numRows, schema, rowGroups, createdBy, encrypted, keyValues);
  }

  private static void parseKeyValue(ThriftReader r, Map<String, String> into) {
    String key = null;
    String value = null;
    r.enterStruct();
    int t;
    while ((t = r.field()) != 0) {
      switch (r.fieldId) {
        case 1 -> {
          r.expect(t, ThriftReader.BINARY, "KeyValue.key");
          key = r.string();
        }
        case 2 -> {
          r.expect(t, ThriftReader.BINARY, "KeyValue.value");
          value = r.string();
        }
        default -> r.skip(t);
      }
    }
    r.exitStruct();
    if (key == null) {
      throw new CorruptException("key_value_metadata entry without a key");
    }
    into.putIfAbsent(key, value);
  }

  private static SchemaElement parseSchemaElement(ThriftReader r) {
    int type = -1;
    int typeLength = -1;
    int repetition = -1;
    String name = null;
    int numChildren = -1;
    int converted = -1;
    int scale = -1;
    int precision = -1;
    Logical logical = Logical.NONE;
    r.enterStruct();
    int t;
    while ((t = r.field()) != 0) {
      switch (r.fieldId) {
        case 1 -> type = readI32(r, t, "SchemaElement.type");
        case 2 -> typeLength = readI32(r, t, "SchemaElement.type_length");
        case 3 -> repetition = readI32(r, t, "SchemaElement.repetition_type");
        case 4 -> {
          r.expect(t, ThriftReader.BINARY, "SchemaElement.name");
          name = r.string();
        }
        case 5 -> numChildren = readI32(r, t, "SchemaElement.num_children");
        case 6 -> converted = readI32(r, t, "SchemaElement.converted_type");
        case 7 -> scale = readI32(r, t, "SchemaElement.scale");
        case 8 -> precision = readI32(r, t, "SchemaElement.precision");
        case 10 -> {
          r.expect(t, ThriftReader.STRUCT, "SchemaElement.logicalType");
          logical = parseLogical(r);
        }
        default -> r.skip(t);
      }
    }
    r.exitStruct();
    if (name == null) {
      throw new CorruptException("schema element without a name");
    }
    return new SchemaElement(
        type, typeLength, repetition, name, numChildren, converted, scale, precision, logical);
  }

  private static Logical parseLogical(ThriftReader r) {
    int kind = 0;
    int unit = 0;
    boolean utc = false;
    int bitWidth = 0;
    boolean signed = true;
    int scale = 0;
    int precision = 0;
    r.enterStruct();
    int t;
    while ((t = r.field()) != 0) {
      int id = r.fieldId;
      if (t != ThriftReader.STRUCT) {
        r.skip(t);
        continue;
      }
      kind = id;
      r.enterStruct();
      int u;
      while ((u = r.field()) != 0) {
        int f = r.fieldId;
        if (id == Format.LT_DECIMAL && (f == 1 || f == 2) && u == ThriftReader.I32) {
          if (f == 1) {
            scale = r.i32();
          } else {
            precision = r.i32();
          }
        } else if ((id == Format.LT_TIMESTAMP || id == Format.LT_TIME) && f == 1) {
          utc = ThriftReader.bool(u);
          if (u != ThriftReader.BOOL_TRUE && u != ThriftReader.BOOL_FALSE) {
            r.skip(u);
          }
        } else if ((id == Format.LT_TIMESTAMP || id == Format.LT_TIME)
            && f == 2
            && u == ThriftReader.STRUCT) {
          r.enterStruct();
          int v;
          while ((v = r.field()) != 0) {
            unit = r.fieldId;
            r.skip(v);
          }
          r.exitStruct();
        } else if (id == Format.LT_INTEGER && f == 1 && u == ThriftReader.BYTE) {
          bitWidth = r.i8();
        } else if (id == Format.LT_INTEGER && f == 2) {
          signed = ThriftReader.bool(u);
          if (u != ThriftReader.BOOL_TRUE && u != ThriftReader.BOOL_FALSE) {
            r.skip(u);
          }
        } else {
          r.skip(u);
        }
      }
      r.exitStruct();
    }
    r.exitStruct();
    return new Logical(kind, unit, utc, bitWidth, signed, scale, precision);
  }

  private static RowGroupMeta parseRowGroup(ThriftReader r) {
    List<ChunkMeta> columns = new ArrayList<>();
    long numRows = -1;
    r.enterStruct();
    int t;
    while ((t = r.field()) != 0) {
      switch (r.fieldId) {
        case 1 -> {
          r.expect(t, ThriftReader.LIST, "RowGroup.columns");
          int n = r.listSize();
          for (int i = 0; i < n; i++) {
            columns.add(parseChunk(r));
          }
        }
        case 3 -> {
          r.expect(t, ThriftReader.I64, "RowGroup.num_rows");
          numRows = r.i64();
        }
        default -> r.skip(t);
      }
    }
    r.exitStruct();
    if (numRows < 0) {
      throw new CorruptException("row group without num_rows");
    }
    return new RowGroupMeta(numRows, columns);
  }

  private static ChunkMeta parseChunk(ThriftReader r) {
    String filePath = null;
    ChunkMeta meta = null;
    r.enterStruct();
    int t;
    while ((t = r.field()) != 0) {
      switch (r.fieldId) {
        case 1 -> {
          r.expect(t, ThriftReader.BINARY, "ColumnChunk.file_path");
          filePath = r.string();
        }
        case 3 -> {
          r.expect(t, ThriftReader.STRUCT, "ColumnChunk.meta_data");
          meta = parseColumnMeta(r);
        }
        default -> r.skip(t);
      }
    }
    r.exitStruct();
    if (meta == null) {
      throw new CorruptException(
          "column chunk without meta_data (encrypted columns are not supported)");
    }
    if (filePath != null && !filePath.isEmpty()) {
      meta =
          new ChunkMeta(
              filePath,
              meta.type(),
              meta.codec(),
              meta.numValues(),
              meta.totalUncompressed(),
              meta.totalCompressed(),
              meta.dataPageOffset(),
              meta.dictionaryPageOffset(),
              meta.path());
    }
    return meta;
  }

  private static ChunkMeta parseColumnMeta(ThriftReader r) {
    int type = -1;
    int codec = 0;
    long numValues = -1;
    long totalUncompressed = -1;
    long totalCompressed = -1;
    long dataPageOffset = -1;
    long dictionaryPageOffset = -1;
    List<String> path = new ArrayList<>();
    r.enterStruct();
    int t;
    while ((t = r.field()) != 0) {
      switch (r.fieldId) {
        case 1 -> type = readI32(r, t, "ColumnMetaData.type");
        case 3 -> {
          r.expect(t, ThriftReader.LIST, "ColumnMetaData.path_in_schema");
          int n = r.listSize();
          for (int i = 0; i < n; i++) {
            path.add(r.string());
          }
        }
        case 4 -> codec = readI32(r, t, "ColumnMetaData.codec");
        case 5 -> numValues = readI64(r, t, "ColumnMetaData.num_values");
        case 6 -> totalUncompressed = readI64(r, t, "ColumnMetaData.total_uncompressed_size");
        case 7 -> totalCompressed = readI64(r, t, "ColumnMetaData.total_compressed_size");
        case 9 -> dataPageOffset = readI64(r, t, "ColumnMetaData.data_page_offset");
        case 11 -> dictionaryPageOffset = readI64(r, t, "ColumnMetaData.dictionary_page_offset");
        default -> r.skip(t);
      }
    }
    r.exitStruct();
    if (dataPageOffset < 0 || totalCompressed < 0) {
      throw new CorruptException("column metadata without data_page_offset/total_compressed_size");
    }
    return new ChunkMeta(
        null,
        type,
        codec,
        numValues,
        totalUncompressed,
        totalCompressed,
        dataPageOffset,
        dictionaryPageOffset,
        path);
  }

  private static int readI32(ThriftReader r, int t, String what) {
    r.expect(t, ThriftReader.I32, what);
    return r.i32();
  }

  private static long readI64(ThriftReader r, int t, String what) {
    r.expect(t, ThriftReader.I64, what);
    return r.i64();
  }

  // ---------------------------------------------------------------- page headers

  /** A parsed {@code PageHeader}, reused from page to page. */
  static final class PageHeader {
    int type;
    int uncompressedSize;
    int compressedSize;
    int numValues;
    int encoding;
    int defEncoding;
    int numNulls;
    int defLength;
    int repLength;
    boolean v2Compressed;
    boolean hasCrc;
    int crc;

    /** Parses a page header at {@code pos}; returns the position after it. */
    int parse(byte[] buf, int pos, int limit) {
      type = -1;
      uncompressedSize = -1;
      compressedSize = -1;
      numValues = -1;
      encoding = Format.PLAIN;
      defEncoding = Format.RLE;
      numNulls = -1;
      defLength = 0;
      repLength = 0;
      v2Compressed = true;
      hasCrc = false;
      ThriftReader r = new ThriftReader(buf, pos, limit);
      r.enterStruct();
      int t;
      while ((t = r.field()) != 0) {
        switch (r.fieldId) {
          case 1 -> type = readI32(r, t, "PageHeader.type");
          case 2 -> uncompressedSize = readI32(r, t, "PageHeader.uncompressed_page_size");
          case 3 -> compressedSize = readI32(r, t, "PageHeader.compressed_page_size");
          case 4 -> {
            crc = readI32(r, t, "PageHeader.crc");
            hasCrc = true;
          }
          case 5, 7, 8 -> {
            r.expect(t, ThriftReader.STRUCT, "PageHeader page header");
            parseInner(r, r.fieldId);
          }
          default -> r.skip(t);
        }
      }
      r.exitStruct();
      if (type < 0 || uncompressedSize < 0 || compressedSize < 0) {
        throw new CorruptException("page header without type or sizes");
      }
      return r.pos;
    }

    private void parseInner(ThriftReader r, int which) {
      r.enterStruct();
      int t;
      while ((t = r.field()) != 0) {
        int f = r.fieldId;
        if (which == 5) { // DataPageHeader
          switch (f) {
            case 1 -> numValues = readI32(r, t, "DataPageHeader.num_values");
            case 2 -> encoding = readI32(r, t, "DataPageHeader.encoding");
            case 3 -> defEncoding = readI32(r, t, "DataPageHeader.definition_level_encoding");
            default -> r.skip(t);
          }
        } else if (which == 7) { // DictionaryPageHeader
          switch (f) {
            case 1 -> numValues = readI32(r, t, "DictionaryPageHeader.num_values");
            case 2 -> encoding = readI32(r, t, "DictionaryPageHeader.encoding");
            default -> r.skip(t);
          }
        } else { // DataPageHeaderV2
          switch (f) {
            case 1 -> numValues = readI32(r, t, "DataPageHeaderV2.num_values");
            case 2 -> numNulls = readI32(r, t, "DataPageHeaderV2.num_nulls");
            case 4 -> encoding = readI32(r, t, "DataPageHeaderV2.encoding");
            case 5 -> defLength = readI32(r, t, "DataPageHeaderV2.definition_levels_byte_length");
            case 6 -> repLength = readI32(r, t, "DataPageHeaderV2.repetition_levels_byte_length");
            case 7 -> {
              if (t == ThriftReader.BOOL_TRUE || t == ThriftReader.BOOL_FALSE) {
                v2Compressed = ThriftReader.bool(t);
              } else {
                r.skip(t);
              }
            }
            default -> r.skip(t);
          }
        }
      }
      r.exitStruct();
    }
  }
}
