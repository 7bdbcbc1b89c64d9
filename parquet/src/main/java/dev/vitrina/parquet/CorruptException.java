package dev.vitrina.parquet;

/**
 * Malformed Parquet content, thrown deep inside decoding and turned into an {@link
 * java.io.IOException} naming the file, column, row group and page at the API boundary.
 */
class CorruptException extends RuntimeException {

  CorruptException(String message) {
    super(message);
  }

  CorruptException(String message, Throwable cause) {
    super(message, cause);
  }
}
