package dev.vitrina.core.table;

import dev.vitrina.core.io.csv.CsvException;
import dev.vitrina.core.io.csv.CsvOptions;
import dev.vitrina.core.io.csv.CsvReader;
import dev.vitrina.core.io.csv.CsvRow;
import dev.vitrina.core.storage.InputFiles;
import dev.vitrina.core.validate.InvalidFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delimited text ({@code csv}): one-character delimiters through core's {@link CsvReader} (RFC 4180
 * quoting, line breaks inside quotes), longer ones such as MovieLens' {@code ::} split per line
 * (double-quoted fields, no line breaks inside quotes; blank lines skipped). Every row must have
 * the header's width (the first row's without a header); a shorter or longer row is malformed,
 * never read from shifted columns. Rows are numbered by physical line.
 *
 * <p>Time and memory are linear in the file: one pass, growing primitive arrays per field.
 */
public final class DelimitedTextFormat implements TableFormat {

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public void decode(TableSource source, List<Field> fields, Table.Builder out) throws IOException {
    Sink sink = new Sink(fields);
    if (source.delimiter().length() == 1) {
      CsvOptions options =
          new CsvOptions(
              source.delimiter().charAt(0), '"', source.header(), null, source.charset());
      try (CsvReader in = CsvReader.open(source.path(), options)) {
        List<String> header = source.header() ? trimmed(in.header()) : null;
        if (source.header() && header.isEmpty()) {
          throw new InvalidFileException(
              source.path() + " is empty; expected a header line naming the columns");
        }
        List<String> row = new ArrayList<>();
        for (CsvRow r = in.next(); r != null; r = in.next()) {
          row.clear();
          for (int i = 0; i < r.fieldCount(); i++) {
            row.add(r.field(i));
          }
          sink.row(source, header, row, r.lineNumber());
        }
      } catch (CsvException e) {
        throw new InvalidFileException(e.getMessage(), e);
      }
    } else {
      try (BufferedReader in =
          Files.newBufferedReader(InputFiles.requireFile(source.path(), "CSV"), source.charset())) {
        String line;
        long lineNo = 0;
        List<String> header = null;
        if (source.header()) {
          line = in.readLine();
          lineNo++;
          if (line == null || line.isBlank()) {
            throw new InvalidFileException(
                source.path() + " is empty; expected a header line naming the columns");
          }
          header = trimmed(split(stripBom(line), source.delimiter()));
        }
        while ((line = in.readLine()) != null) {
          lineNo++;
          if (!line.isBlank()) {
            sink.row(source, header, split(line, source.delimiter()), lineNo);
          }
        }
      }
    }
    sink.finish(source, out);
  }

  /** The header's names; without a header, the positions of the first row's fields. */
  @Override
  public List<String> columns(TableSource source) throws IOException {
    return source.header() ? headerOf(source) : TableFormat.super.columns(source);
  }

  private static List<String> headerOf(TableSource source) throws IOException {
    List<String> names;
    if (source.delimiter().length() == 1) {
      CsvOptions options =
          new CsvOptions(source.delimiter().charAt(0), '"', true, null, source.charset());
      try (CsvReader in = CsvReader.open(source.path(), options)) {
        names = trimmed(in.header());
      } catch (CsvException e) {
        throw new InvalidFileException(e.getMessage(), e);
      }
    } else {
      try (BufferedReader in =
          Files.newBufferedReader(InputFiles.requireFile(source.path(), "CSV"), source.charset())) {
        String line = in.readLine();
        names =
            line == null || line.isBlank()
                ? List.of()
                : trimmed(split(stripBom(line), source.delimiter()));
      }
    }
    if (names.isEmpty()) {
      throw new InvalidFileException(
          source.path() + " is empty; expected a header line naming the columns");
    }
    return names;
  }

  private static List<String> trimmed(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String s : names) {
      out.add(s.trim());
    }
    return out;
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /** Splits one line on {@code delimiter}, honouring double quotes ({@code ""} is a quote). */
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

  /** Accumulates rows into growing arrays, one per field. */
  private static final class Sink {
    private final List<Field> fields;
    private final Acc[] acc;
    private int[] position;
    private List<String> columns;
    private int width = -1;
    private int n;
    private long[] lines = new long[1 << 12];
    private Map<Integer, String> malformed;

    Sink(List<Field> fields) {
      this.fields = fields;
      this.acc = new Acc[fields.size()];
    }

    void row(TableSource source, List<String> header, List<String> row, long line) {
      if (position == null) {
        resolve(source, header, row.size());
      }
      if (n == lines.length) {
        lines = Arrays.copyOf(lines, n * 2);
      }
      lines[n] = line;
      if (row.size() != width) {
        if (malformed == null) {
          malformed = new HashMap<>();
        }
        malformed.put(
            n,
            "has "
                + row.size()
                + " fields, the "
                + (header != null ? "header" : "first row")
                + " has "
                + width
                + (row.size() < width ? " (too few)" : " (too many)"));
        for (Acc a : acc) {
          if (a != null) {
            a.add(n, null);
          }
        }
      } else {
        for (int k = 0; k < acc.length; k++) {
          if (acc[k] != null) {
            acc[k].add(n, row.get(position[k]));
          }
        }
      }
      n++;
    }

    private void resolve(TableSource source, List<String> header, int firstWidth) {
      width = header != null ? header.size() : firstWidth;
      if (header == null) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          names.add(Integer.toString(i));
        }
        columns = names;
      } else {
        columns = header;
      }
      position = new int[fields.size()];
      for (int k = 0; k < fields.size(); k++) {
        Field f = fields.get(k);
        int p = columns.indexOf(f.column().trim());
        if (p < 0 && header == null) {
          throw Tables.missingColumn(source, f, columns);
        }
        if (p < 0 && f.required()) {
          throw Tables.missingColumn(source, f, columns);
        }
        position[k] = p;
        acc[k] = p < 0 ? null : new Acc(f);
      }
    }

    void finish(TableSource source, Table.Builder out) throws IOException {
      if (position == null) { // no data rows: still check the columns exist
        if (source.header()) {
          resolve(source, headerOf(source), 0);
        } else {
          position = new int[0];
          columns = List.of();
        }
      }
      String[] bad = null;
      if (malformed != null) {
        bad = new String[n];
        for (Map.Entry<Integer, String> e : malformed.entrySet()) {
          bad[e.getKey()] = e.getValue();
        }
      }
      out.columns(columns).rows(n, lines, bad);
      for (int k = 0; k < acc.length; k++) {
        if (acc[k] != null) {
          out.put(k, acc[k].column(n));
        }
      }
    }
  }

  /** One field's growing values. */
  private static final class Acc {
    private final Field f;
    private int[] ints;
    private float[] floats;
    private double[] doubles;
    private long[] longs;
    private String[] texts;
    private Map<Integer, String> bad;
    private Map<String, Integer> dict;
    private List<String> names;
    private Map<String, Integer> dayCache;

    Acc(Field f) {
      this.f = f;
      int cap = 1 << 12;
      switch (f.kind()) {
        case ID -> {
          ints = new int[cap];
          dict = new HashMap<>();
          names = new ArrayList<>();
        }
        case DAY -> {
          ints = new int[cap];
          dayCache = new HashMap<>();
        }
        case INT -> ints = new int[cap];
        case FLOAT, FLAG -> floats = new float[cap];
        case DOUBLE -> doubles = new double[cap];
        case TIMESTAMP -> longs = new long[cap];
        case TEXT -> texts = new String[cap];
      }
    }

    void add(int i, String raw) {
      grow(i);
      String s = raw == null ? "" : raw.trim();
      switch (f.kind()) {
        case ID -> ints[i] = s.isEmpty() ? -1 : code(s);
        case TEXT -> texts[i] = s.isEmpty() ? null : s;
        case DAY -> ints[i] = s.isEmpty() ? Table.NO_DAY : day(i, s);
        case INT -> {
          if (s.isEmpty()) {
            ints[i] = Table.NO_INT;
          } else {
            try {
              ints[i] = Integer.parseInt(s);
            } catch (NumberFormatException e) {
              ints[i] = Table.NO_INT;
              bad(i, s);
            }
          }
        }
        case FLOAT -> {
          floats[i] = s.isEmpty() ? Float.NaN : parseFloat(i, s);
        }
        case FLAG -> {
          floats[i] = s.isEmpty() ? Float.NaN : FieldKind.flag(s);
          if (!s.isEmpty() && Float.isNaN(floats[i])) {
            bad(i, s);
          }
        }
        case DOUBLE -> {
          doubles[i] = s.isEmpty() ? Double.NaN : parseDouble(i, s);
        }
        case TIMESTAMP -> {
          if (s.isEmpty()) {
            longs[i] = Table.NO_TIME;
          } else {
            try {
              longs[i] = f.unit().parse(s);
            } catch (IllegalArgumentException e) {
              longs[i] = Table.NO_TIME;
              bad(i, s);
            }
          }
        }
      }
    }

    private int code(String id) {
      Integer c = dict.get(id);
      if (c == null) {
        c = names.size();
        dict.put(id, c);
        names.add(id);
      }
      return c;
    }

    private int day(int i, String s) {
      Integer d = dayCache.get(s);
      if (d == null) {
        try {
          d = (int) LocalDate.parse(s).toEpochDay();
        } catch (DateTimeParseException e) {
          d = Table.NO_DAY;
        }
        if (dayCache.size() < 100_000) {
          dayCache.put(s, d);
        }
      }
      if (d == Table.NO_DAY) {
        bad(i, s);
      }
      return d;
    }

    private float parseFloat(int i, String s) {
      try {
        float v = Float.parseFloat(s);
        if (Float.isNaN(v)) { // "NaN" written out is not a value
          bad(i, s);
        }
        return v;
      } catch (NumberFormatException e) {
        bad(i, s);
        return Float.NaN;
      }
    }

    private double parseDouble(int i, String s) {
      try {
        double v = Double.parseDouble(s);
        if (Double.isNaN(v)) {
          bad(i, s);
        }
        return v;
      } catch (NumberFormatException e) {
        bad(i, s);
        return Double.NaN;
      }
    }

    private void bad(int i, String s) {
      if (bad == null) {
        bad = new HashMap<>();
      }
      bad.put(i, s);
    }

    private void grow(int i) {
      if (ints != null && i == ints.length) {
        ints = Arrays.copyOf(ints, i * 2);
      } else if (floats != null && i == floats.length) {
        floats = Arrays.copyOf(floats, i * 2);
      } else if (doubles != null && i == doubles.length) {
        doubles = Arrays.copyOf(doubles, i * 2);
      } else if (longs != null && i == longs.length) {
        longs = Arrays.copyOf(longs, i * 2);
      } else if (texts != null && i == texts.length) {
        texts = Arrays.copyOf(texts, i * 2);
      }
    }

    Table.Column column(int n) {
      String[] b = null;
      if (bad != null) {
        b = new String[n];
        for (Map.Entry<Integer, String> e : bad.entrySet()) {
          b[e.getKey()] = e.getValue();
        }
      }
      return switch (f.kind()) {
        case ID -> new Table.Ids(ints, names.toArray(String[]::new));
        case TEXT -> new Table.Texts(texts);
        case DAY -> new Table.Days(ints, b);
        case INT -> new Table.Ints(ints, b);
        case FLOAT, FLAG -> new Table.Floats(floats, b);
        case DOUBLE -> new Table.Doubles(doubles, b);
        case TIMESTAMP -> new Table.Timestamps(longs, b);
      };
    }
  }
}
