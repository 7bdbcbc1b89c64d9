package dev.vitrina.recs.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads interactions from delimited text (CSV, TSV, {@code ::}-separated) as described by a {@link
 * DelimitedFormat}. Fields may be double-quoted (RFC 4180, no line breaks inside quotes). Every
 * malformed row is reported with file, line and column; under {@link BadRowPolicy#FAIL} the read
 * fails after scanning the whole file, listing the count and the first rows.
 *
 * <p>Time and memory are linear in the file size.
 */
public final class DelimitedReader {

  private DelimitedReader() {}

  /** Reads {@code file} into interactions. */
  public static Interactions read(Path file, DelimitedFormat format) throws IOException {
    Interactions.Builder b = Interactions.builder(format.feedback());
    readInto(file, format, b);
    return b.build();
  }

  /** Reads {@code file} into an existing builder and attaches the read report to it. */
  static void readInto(Path file, DelimitedFormat format, Interactions.Builder b)
      throws IOException {
    String name = file.getFileName().toString();
    RowProblems problems = new RowProblems(file.toString(), format.badRows());
    int before = b.size();
    try (BufferedReader in = Files.newBufferedReader(file, format.charset())) {
      String line;
      int lineNo = 0;
      int userCol;
      int itemCol;
      int valueCol = -1;
      int timeCol = -1;
      int eventCol = -1;
      List<String> header = null;
      if (format.header()) {
        line = in.readLine();
        lineNo++;
        if (line == null) {
          throw new InteractionsFormatException(file + " is empty; expected a header line");
        }
        header = split(stripBom(line), format.delimiter());
      }
      userCol = column(header, format.userColumn(), "user", file);
      itemCol = column(header, format.itemColumn(), "item", file);
      if (format.valueColumn() != null) {
        valueCol = column(header, format.valueColumn(), "value", file);
      }
      if (format.timestampColumn() != null) {
        timeCol = column(header, format.timestampColumn(), "timestamp", file);
      }
      if (format.eventColumn() != null) {
        eventCol = column(header, format.eventColumn(), "event", file);
      }
      int needed =
          Math.max(Math.max(userCol, itemCol), Math.max(valueCol, Math.max(timeCol, eventCol)));
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        problems.rowRead();
        List<String> f = split(line, format.delimiter());
        String where = name + ":" + lineNo + ": ";
        if (f.size() <= needed) {
          problems.reject(where + "has " + f.size() + " fields, expected at least " + (needed + 1));
          continue;
        }
        String u = f.get(userCol).trim();
        String it = f.get(itemCol).trim();
        if (u.isEmpty() || it.isEmpty()) {
          problems.reject(
              where
                  + "column "
                  + (u.isEmpty() ? userCol + 1 : itemCol + 1)
                  + " ("
                  + (u.isEmpty() ? "user" : "item")
                  + ") is empty");
          continue;
        }
        float v = 1f;
        if (valueCol >= 0) {
          String s = f.get(valueCol).trim();
          try {
            v = Float.parseFloat(s);
          } catch (NumberFormatException e) {
            problems.reject(
                where + "column " + (valueCol + 1) + " (value): '" + s + "' is not a number");
            continue;
          }
          if (!Float.isFinite(v) || (format.feedback() == Feedback.IMPLICIT && v < 0)) {
            problems.reject(
                where
                    + "column "
                    + (valueCol + 1)
                    + " (value): "
                    + s
                    + (format.feedback() == Feedback.IMPLICIT
                        ? " must be a finite number >= 0 for implicit feedback"
                        : " must be finite"));
            continue;
          }
        }
        if (eventCol >= 0) {
          String e = f.get(eventCol).trim();
          Float w = format.eventWeights().get(e);
          if (w == null) {
            problems.reject(
                where
                    + "column "
                    + (eventCol + 1)
                    + " (event): '"
                    + e
                    + "' has no weight; known events: "
                    + format.eventWeights().keySet());
            continue;
          }
          v = w;
        }
        if (timeCol >= 0) {
          long t;
          try {
            t = format.timestampUnit().parse(f.get(timeCol));
          } catch (IllegalArgumentException ex) {
            problems.reject(where + "column " + (timeCol + 1) + " (timestamp): " + ex.getMessage());
            continue;
          }
          b.add(u, it, v, t);
        } else {
          b.add(u, it, v);
        }
      }
    }
    long accepted = b.size() - before;
    b.report(problems.finish(accepted));
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  private static int column(List<String> header, String name, String role, Path file)
      throws InteractionsFormatException {
    if (header == null) {
      try {
        int pos = Integer.parseInt(name);
        if (pos < 1) {
          throw new NumberFormatException();
        }
        return pos - 1;
      } catch (NumberFormatException e) {
        throw new InteractionsFormatException(
            file
                + " has no header, so the "
                + role
                + " column must be a 1-based position, got '"
                + name
                + "'");
      }
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equals(name)) {
        return i;
      }
    }
    throw new InteractionsFormatException(
        file
            + ": no "
            + role
            + " column '"
            + name
            + "' in the header "
            + header
            + "; name the right column (e.g. --"
            + role
            + "-col)");
  }

  /** Splits one line on {@code delimiter}, honouring double quotes. */
  static List<String> split(String line, String delimiter) {
    List<String> out = new ArrayList<>();
    if (line.indexOf('"') < 0) {
      int start = 0;
      int d;
      while ((d = line.indexOf(delimiter, start)) >= 0) {
        out.add(line.substring(start, d));
        start = d + delimiter.length();
      }
      out.add(line.substring(start));
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          cur.append(c);
        }
        i++;
      } else if (c == '"' && cur.isEmpty()) {
        quoted = true;
        i++;
      } else if (line.startsWith(delimiter, i)) {
        out.add(cur.toString());
        cur.setLength(0);
        i += delimiter.length();
      } else {
        cur.append(c);
        i++;
      }
    }
    out.add(cur.toString());
    return out;
  }
}
