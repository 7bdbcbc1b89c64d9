package dev.vitrina.experiments.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small streaming CSV reader: comma-separated, first line is the header, fields may be quoted
 * with {@code "} ({@code ""} inside quotes is a quote), no line breaks inside fields, blank lines
 * skipped. Errors name the file and line.
 */
final class CsvRows {

  /** Receives each data row; {@code line} is 1-based in the file. */
  @FunctionalInterface
  interface RowHandler {
    void row(String[] fields, long line) throws IOException;
  }

  private CsvRows() {}

  /** Reads the header, then calls {@code handler} for each row; returns the header. */
  static String[] read(Path file, HeaderCheck check, RowHandler handler) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = r.readLine();
      if (headerLine == null) {
        throw new BadDataException(
            file + " is empty; expected a header line such as unit,variant,event,value,day");
      }
      if (headerLine.startsWith("\uFEFF")) {
        headerLine = headerLine.substring(1);
      }
      List<String> header = split(headerLine, file, 1);
      String[] h = new String[header.size()];
      for (int i = 0; i < h.length; i++) {
        h[i] = header.get(i).trim();
      }
      check.accept(h);
      String line;
      long lineNo = 1;
      List<String> fields = new ArrayList<>(h.length);
      String[] arr = new String[h.length];
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        fields.clear();
        try {
          splitInto(line, file, lineNo, fields);
        } catch (IllegalArgumentException e) {
          throw new BadDataException(e.getMessage());
        }
        if (fields.size() != h.length) {
          throw new BadDataException(
              file
                  + " line "
                  + lineNo
                  + ": expected "
                  + h.length
                  + " fields as in the header "
                  + String.join(",", h)
                  + ", got "
                  + fields.size()
                  + " in '"
                  + abbreviate(line)
                  + "'; quote fields that contain commas");
        }
        handler.row(fields.toArray(arr), lineNo);
      }
      return h;
    }
  }

  /** Validates the header before rows are read. */
  @FunctionalInterface
  interface HeaderCheck {
    void accept(String[] header) throws IOException;
  }

  static List<String> split(String line, Path file, long lineNo) {
    List<String> out = new ArrayList<>();
    splitInto(line, file, lineNo, out);
    return out;
  }

  private static void splitInto(String line, Path file, long lineNo, List<String> out) {
    int n = line.length();
    int i = 0;
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException(
                file
                    + " line "
                    + lineNo
                    + ": unterminated quoted field in '"
                    + abbreviate(line)
                    + "'; close the quote (fields may not span lines)");
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            sb.append(c);
            i++;
          }
        }
        out.add(sb.toString());
        if (i < n && line.charAt(i) != ',') {
          throw new IllegalArgumentException(
              file
                  + " line "
                  + lineNo
                  + ": text after a closing quote in '"
                  + abbreviate(line)
                  + "'");
        }
      } else {
        int j = line.indexOf(',', i);
        if (j < 0) {
          j = n;
        }
        out.add(line.substring(i, j));
        i = j;
      }
      if (i >= n) {
        break;
      }
      i++; // skip comma
      if (i == n) {
        out.add("");
        break;
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
