package dev.vitrina.parquet;

/** Enum values of the Parquet Thrift definitions (parquet-format's parquet.thrift). */
final class Format {

  private Format() {}

  // Type
  static final int BOOLEAN = 0;
  static final int INT32 = 1;
  static final int INT64 = 2;
  static final int INT96 = 3;
  static final int FLOAT = 4;
  static final int DOUBLE = 5;
  static final int BYTE_ARRAY = 6;
  static final int FIXED_LEN_BYTE_ARRAY = 7;

  // FieldRepetitionType
  static final int REQUIRED = 0;
  static final int OPTIONAL = 1;
  static final int REPEATED = 2;

  // ConvertedType
  static final int CT_UTF8 = 0;
  static final int CT_ENUM = 4;
  static final int CT_DECIMAL = 5;
  static final int CT_DATE = 6;
  static final int CT_TIMESTAMP_MILLIS = 9;
  static final int CT_TIMESTAMP_MICROS = 10;
  static final int CT_UINT_8 = 11;
  static final int CT_UINT_16 = 12;
  static final int CT_UINT_32 = 13;
  static final int CT_UINT_64 = 14;
  static final int CT_JSON = 19;
  static final int CT_BSON = 20;
  static final int CT_INTERVAL = 21;

  // LogicalType union field ids
  static final int LT_STRING = 1;
  static final int LT_MAP = 2;
  static final int LT_LIST = 3;
  static final int LT_ENUM = 4;
  static final int LT_DECIMAL = 5;
  static final int LT_DATE = 6;
  static final int LT_TIME = 7;
  static final int LT_TIMESTAMP = 8;
  static final int LT_INTEGER = 10;
  static final int LT_UNKNOWN = 11;
  static final int LT_JSON = 12;
  static final int LT_BSON = 13;
  static final int LT_UUID = 14;
  static final int LT_FLOAT16 = 15;

  // TimeUnit union field ids
  static final int UNIT_MILLIS = 1;
  static final int UNIT_MICROS = 2;
  static final int UNIT_NANOS = 3;

  // Encoding
  static final int PLAIN = 0;
  static final int PLAIN_DICTIONARY = 2;
  static final int RLE = 3;
  static final int BIT_PACKED = 4;
  static final int DELTA_BINARY_PACKED = 5;
  static final int DELTA_LENGTH_BYTE_ARRAY = 6;
  static final int DELTA_BYTE_ARRAY = 7;
  static final int RLE_DICTIONARY = 8;
  static final int BYTE_STREAM_SPLIT = 9;

  // CompressionCodec
  static final int UNCOMPRESSED = 0;
  static final int SNAPPY = 1;
  static final int GZIP = 2;
  static final int LZO = 3;
  static final int BROTLI = 4;
  static final int LZ4 = 5;
  static final int ZSTD = 6;
  static final int LZ4_RAW = 7;

  // PageType
  static final int DATA_PAGE = 0;
  static final int INDEX_PAGE = 1;
  static final int DICTIONARY_PAGE = 2;
  static final int DATA_PAGE_V2 = 3;

  static String typeName(int t) {
    return switch (t) {
      case BOOLEAN -> "BOOLEAN";
      case INT32 -> "INT32";
      case INT64 -> "INT64";
      case INT96 -> "INT96";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case BYTE_ARRAY -> "BYTE_ARRAY";
      case FIXED_LEN_BYTE_ARRAY -> "FIXED_LEN_BYTE_ARRAY";
      default -> "type#" + t;
    };
  }

  static String logicalName(int kind) {
    return switch (kind) {
      case LT_STRING -> "STRING";
      case LT_MAP -> "MAP";
      case LT_LIST -> "LIST";
      case LT_ENUM -> "ENUM";
      case LT_DECIMAL -> "DECIMAL";
      case LT_DATE -> "DATE";
      case LT_TIME -> "TIME";
      case LT_TIMESTAMP -> "TIMESTAMP";
      case LT_INTEGER -> "INTEGER";
      case LT_UNKNOWN -> "UNKNOWN";
      case LT_JSON -> "JSON";
      case LT_BSON -> "BSON";
      case LT_UUID -> "UUID";
      case LT_FLOAT16 -> "FLOAT16";
      case 16 -> "VARIANT";
      case 17 -> "GEOMETRY";
      case 18 -> "GEOGRAPHY";
      default -> "logical type#" + kind;
    };
  }

  static String convertedName(int ct) {
    return switch (ct) {
      case CT_UTF8 -> "UTF8";
      case 1 -> "MAP";
      case 2 -> "MAP_KEY_VALUE";
      case 3 -> "LIST";
      case CT_ENUM -> "ENUM";
      case CT_DECIMAL -> "DECIMAL";
      case CT_DATE -> "DATE";
      case 7 -> "TIME_MILLIS";
      case 8 -> "TIME_MICROS";
      case CT_TIMESTAMP_MILLIS -> "TIMESTAMP_MILLIS";
      case CT_TIMESTAMP_MICROS -> "TIMESTAMP_MICROS";
      case CT_UINT_8 -> "UINT_8";
      case CT_UINT_16 -> "UINT_16";
      case CT_UINT_32 -> "UINT_32";
      case CT_UINT_64 -> "UINT_64";
      case 15 -> "INT_8";
      case 16 -> "INT_16";
      case 17 -> "INT_32";
      case 18 -> "INT_64";
      case CT_JSON -> "JSON";
      case CT_BSON -> "BSON";
      case CT_INTERVAL -> "INTERVAL";
      default -> "converted type#" + ct;
    };
  }

  static String unitName(int unit) {
    return switch (unit) {
      case UNIT_MILLIS -> "MILLIS";
      case UNIT_MICROS -> "MICROS";
      case UNIT_NANOS -> "NANOS";
      default -> "unit#" + unit;
    };
  }

  static String encodingName(int e) {
    return switch (e) {
      case PLAIN -> "PLAIN";
      case 1 -> "GROUP_VAR_INT";
      case PLAIN_DICTIONARY -> "PLAIN_DICTIONARY";
      case RLE -> "RLE";
      case BIT_PACKED -> "BIT_PACKED";
      case DELTA_BINARY_PACKED -> "DELTA_BINARY_PACKED";
      case DELTA_LENGTH_BYTE_ARRAY -> "DELTA_LENGTH_BYTE_ARRAY";
      case DELTA_BYTE_ARRAY -> "DELTA_BYTE_ARRAY";
      case RLE_DICTIONARY -> "RLE_DICTIONARY";
      case BYTE_STREAM_SPLIT -> "BYTE_STREAM_SPLIT";
      default -> "encoding#" + e;
    };
  }

  static String codecName(int c) {
    return switch (c) {
      case UNCOMPRESSED -> "UNCOMPRESSED";
      case SNAPPY -> "SNAPPY";
      case GZIP -> "GZIP";
      case LZO -> "LZO";
      case BROTLI -> "BROTLI";
      case LZ4 -> "LZ4";
      case ZSTD -> "ZSTD";
      case LZ4_RAW -> "LZ4_RAW";
      default -> "codec#" + c;
    };
  }
}
