package dev.vitrina.recs.data;

import dev.vitrina.core.io.csv.CsvException;
import dev.vitrina.core.io.csv.CsvOptions;
import dev.vitrina.core.io.csv.CsvReader;
import dev.vitrina.core.io.csv.CsvRow;
import dev.vitrina.core.table.BadRowPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads interactions from delimited text (CSV, TSV, {@code ::}-separated) as described by a {@link
 * DelimitedFormat}. One-character delimiters go through core's {@link CsvReader} (RFC 4180 quoting,
 * line breaks allowed inside quotes); multi-character delimiters such as MovieLens 1M's {@code ::}
 * are split here (double-quoted fields, no line breaks inside quotes). Every malformed row is
 * reported with file, line and column; under {@link BadRowPolicy#FAIL} the read fails after
 * scanning the whole file, listing the count and the first rows.
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
    if (format.delimiter().length() == 1) {
      // one-character delimiters: core's CSV reader (quoted fields may span lines)
      CsvOptions options =
          new CsvOptions(
              format.delimiter().charAt(0), '"', format.header(), null, format.charset());
      try (CsvReader in = CsvReader.open(file, options)) {
        if (format.header() && in.header().isEmpty()) {
          throw new InteractionsFormatException(file + " is empty; expected a header line");
        }
        Columns cols = Columns.resolve(format.header() ? in.header() : null, format, file);
        List<String> f = new ArrayList<>();
        int width = format.header() ? in.header().size() : -1;
        for (CsvRow row = in.next(); row != null; row = in.next()) {
          f.clear();
          for (int i = 0; i < row.fieldCount(); i++) {
            f.add(row.field(i));
          }
          if (width < 0) {
            width = f.size();
          }
          accept(f, width, name + ":" + row.lineNumber() + ": ", cols, format, problems, b);
        }
      } catch (CsvException e) {
        throw new InteractionsFormatException(e.getMessage());
      }
    } else {
      // multi-character delimiters such as MovieLens 1M's "::"
      try (BufferedReader in = Files.newBufferedReader(file, format.charset())) {
        String line;
        int lineNo = 0;
        List<String> header = null;
        if (format.header()) {
          line = in.readLine();
          lineNo++;
          if (line == null) {
            throw new InteractionsFormatException(file + " is empty; expected a header line");
          }
          header = split(stripBom(line), format.delimiter());
        }
        Columns cols = Columns.resolve(header, format, file);
        int width = header != null ? header.size() : -1;
        while ((line = in.readLine()) != null) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          List<String> f = split(line, format.delimiter());
          if (width < 0) {
            width = f.size();
          }
          accept(f, width, name + ":" + lineNo + ": ", cols, format, problems, b);
        }
      }
    }
    b.report(problems.finish(b.size() - before));
  }

  /** The 0-based positions of the columns read ({@code -1}: not read). */
  private record Columns(int user, int item, int value, int time, int event, int needed) {
    static Columns resolve(List<String> header, DelimitedFormat format, Path file)
        throws InteractionsFormatException {
      int user = column(header, format.userColumn(), "user", file);
      int item = column(header, format.itemColumn(), "item", file);
      int value =
          format.valueColumn() == null ? -1 : column(header, format.valueColumn(), "value", file);
      int time =
          format.timestampColumn() == null
              ? -1
              : column(header, format.timestampColumn(), "timestamp", file);
      int event =
          format.eventColumn() == null ? -1 : column(header, format.eventColumn(), "event", file);
      int needed = Math.max(Math.max(user, item), Math.max(value, Math.max(time, event)));
      return new Columns(user, item, value, time, event, needed);
    }
  }

  /** Validates one data row and adds it, or records why it is rejected. */
  private static void accept(
      List<String> f,
      int width,
      String where,
      Columns cols,
      DelimitedFormat format,
      RowProblems problems,
      Interactions.Builder b) {
    problems.rowRead();
    if (f.size() != width || f.size() <= cols.needed()) {
      problems.reject(
          where
              + "has "
              + f.size()
              + " fields, expected "
              + Math.max(width, cols.needed() + 1)
              + " (the width of the "
              + (format.header() ? "header" : "first row")
              + "); check the delimiter and quoting of this line");
      return;
    }
    String u = f.get(cols.user()).trim();
    String it = f.get(cols.item()).trim();
    if (u.isEmpty() || it.isEmpty()) {
      problems.reject(
          where
              + "column "
              + (u.isEmpty() ? cols.user() + 1 : cols.item() + 1)
              + " ("
              + (u.isEmpty() ? "user" : "item")
              + ") is empty");
      return;
    }
    float v = 1f;
    if (cols.value() >= 0) {
      String s = f.get(cols.value()).trim();
      try {
        v = Float.parseFloat(s);
      } catch (NumberFormatException e) {
        problems.reject(
            where + "column " + (cols.value() + 1) + " (value): '" + s + "' is not a number");
        return;
      }
      if (!Float.isFinite(v) || (format.feedback() == Feedback.IMPLICIT && v < 0)) {
        problems.reject(
            where
                + "column "
                + (cols.value() + 1)
                + " (value): "
                + s
                + (format.feedback() == Feedback.IMPLICIT
                    ? " must be a finite number >= 0 for implicit feedback"
                    : " must be finite"));
        return;
      }
    }
    if (cols.event() >= 0) {
      String e = f.get(cols.event()).trim();
      Float w = format.eventWeights().get(e);
      if (w == null) {
        problems.reject(
            where
                + "column "
                + (cols.event() + 1)
                + " (event): '"
                + e
                + "' has no weight; known events: "
                + format.eventWeights().keySet());
        return;
      }
      v = w;
    }
    if (cols.time() >= 0) {
      long t;
      try {
        t = format.timestampUnit().parse(f.get(cols.time()));
      } catch (IllegalArgumentException ex) {
        problems.reject(where + "column " + (cols.time() + 1) + " (timestamp): " + ex.getMessage());
        return;
      }
      b.add(u, it, v, t);
    } else {
      b.add(u, it, v);
    }
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
