package dev.vitrina.core.validate;

import java.io.IOException;

/**
 * An input file that was read but whose content is invalid: not the expected format, truncated,
 * corrupt (a checksum mismatch), or a column of a type that cannot be read. It is invalid input
 * (the command line exits with 2), unlike a plain {@link IOException}, which means the file system
 * failed (exit 1). The message names the file and, where known, the column, row group or row.
 */
public class InvalidFileException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An exception with a complete message. */
  public InvalidFileException(String message) {
    super(message);
  }

  /** An exception with a complete message and the underlying cause. */
  public InvalidFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
