package dev.vitrina.experiments.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Events of one experiment held as flat columns; aggregates them per unit up to a day. */
final class EventLog {
  static final Pattern AGG = Pattern.compile("(pre_)?(count|sum)\\((.+)\\)");

  final String source;
  final List<String> unitNames = new ArrayList<>();
  final List<String> variants = new ArrayList<>();
  final List<String> types = new ArrayList<>();
  final Map<String, Integer> typeIndex = new HashMap<>();
  int[] unitVariant = new int[1024];
  long[] unitFirstPosition = new long[1024];
  int[] unitFirstDay = new int[1024];
  boolean[] mixed = new boolean[1024];
  int mixedCount;
  final List<String> mixedExamples = new ArrayList<>();
  int[] evUnit = new int[4096];
  int[] evType = new int[4096];
  int[] evDay = new int[4096];
  double[] evValue = new double[4096];
  int size;
  private int unitCount;
  boolean hasDays;
  int maxDay = Integer.MIN_VALUE;

  final String positionWord;
  private int[] unitOfCode = new int[0];
  private int[] variantOfCode = new int[0];

  EventLog(String source, String positionWord) {
    this.source = source;
    this.positionWord = positionWord;
  }

  /**
   * The unit index of id code {@code code} of a dictionary, numbering units in the order they are
   * first added (not the dictionary's order, which counts rows of other experiments too).
   */
  int unit(int code, String[] dictionary) {
    unitOfCode = index(unitOfCode, dictionary.length);
    int u = unitOfCode[code];
    if (u < 0) {
      u = unitNames.size();
      unitOfCode[code] = u;
      unitNames.add(dictionary[code]);
    }
    return u;
  }

  /** The variant index of id code {@code code}, in first-added order. */
  int variant(int code, String[] dictionary) {
    variantOfCode = index(variantOfCode, dictionary.length);
    int v = variantOfCode[code];
    if (v < 0) {
      v = variants.size();
      variantOfCode[code] = v;
      variants.add(dictionary[code]);
    }
    return v;
  }

  /** The index of an event type, in first-added order. */
  int type(String type) {
    Integer t = typeIndex.get(type);
    if (t == null) {
      t = types.size();
      types.add(type);
      typeIndex.put(type, t);
    }
    return t;
  }

  private static int[] index(int[] map, int n) {
    if (map.length >= n) {
      return map;
    }
    int old = map.length;
    int[] out = Arrays.copyOf(map, n);
    Arrays.fill(out, old, n, -1);
    return out;
  }

  /** Adds an event of unit {@code u} in variant {@code v} (indexes from the methods above). */
  void add(int u, int v, int t, double value, int day, long position) {
    boolean isNew = u >= unitCount;
    if (u >= unitVariant.length) {
      int n = Math.max(u + 1, unitVariant.length * 2);
      unitVariant = Arrays.copyOf(unitVariant, n);
      unitFirstPosition = Arrays.copyOf(unitFirstPosition, n);
      unitFirstDay = Arrays.copyOf(unitFirstDay, n);
      mixed = Arrays.copyOf(mixed, n);
    }
    if (isNew) {
      unitCount = u + 1;
      unitVariant[u] = v;
      unitFirstPosition[u] = position;
      unitFirstDay[u] = Integer.MAX_VALUE;
    } else if (unitVariant[u] != v && !mixed[u]) {
      mixed[u] = true;
      mixedCount++;
      if (mixedExamples.size() < 5) {
        mixedExamples.add(
            "unit '"
                + unitNames.get(u)
                + "' is in '"
                + variants.get(unitVariant[u])
                + "' at "
                + positionWord
                + " "
                + unitFirstPosition[u]
                + " and in '"
                + variants.get(v)
                + "' at "
                + positionWord
                + " "
                + position);
      }
    }
    if (day >= 0 && day < unitFirstDay[u]) {
      unitFirstDay[u] = day;
    }
    if (size == evUnit.length) {
      int n = size * 2;
      evUnit = Arrays.copyOf(evUnit, n);
      evType = Arrays.copyOf(evType, n);
      evDay = Arrays.copyOf(evDay, n);
      evValue = Arrays.copyOf(evValue, n);
    }
    evUnit[size] = u;
    evType[size] = t;
    evDay[size] = day;
    evValue[size] = value;
    size++;
    if (day > maxDay) {
      maxDay = day;
    }
  }

  /** Units exposed (an event with day >= 0) by {@code maxDay}, excluding mixed units. */
  UnitTable aggregate(Set<String> columns, int lastDay) {
    int nUnits = unitCount;
    int[] row = new int[nUnits];
    int kept = 0;
    for (int u = 0; u < nUnits; u++) {
      if (!mixed[u] && unitFirstDay[u] != Integer.MAX_VALUE && unitFirstDay[u] <= lastDay) {
        row[u] = kept++;
      } else {
        row[u] = -1;
      }
    }
    int[] variantOf = new int[kept];
    for (int u = 0; u < nUnits; u++) {
      if (row[u] >= 0) {
        variantOf[row[u]] = unitVariant[u];
      }
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    // per event type: the target columns (post count, post sum, pre count, pre sum)
    double[][][] targets = new double[types.size()][4][];
    for (String c : columns) {
      Matcher m = AGG.matcher(c);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "column '"
                + c
                + "' is not available from the events in "
                + source
                + "; per-event tables give count(EVENT), sum(EVENT), pre_count(EVENT) and"
                + " pre_sum(EVENT) for the event types "
                + new TreeSet<>(types));
      }
      Integer t = typeIndex.get(m.group(3));
      if (t == null) {
        throw new IllegalArgumentException(
            "event type '"
                + m.group(3)
                + "' (in column '"
                + c
                + "') does not occur in "
                + source
                + " for this experiment; event types found: "
                + new TreeSet<>(types));
      }
      double[] arr = new double[kept];
      out.put(c, arr);
      int slot = (m.group(1) != null ? 2 : 0) + (m.group(2).equals("sum") ? 1 : 0);
      targets[t][slot] = arr;
    }
    for (int i = 0; i < size; i++) {
      int r = row[evUnit[i]];
      if (r < 0) {
        continue;
      }
      int d = evDay[i];
      double[][] tg = targets[evType[i]];
      if (d >= 0) {
        if (d > lastDay) {
          continue;
        }
        if (tg[0] != null) {
          tg[0][r] += 1;
        }
        if (tg[1] != null) {
          tg[1][r] += evValue[i];
        }
      } else {
        if (tg[2] != null) {
          tg[2][r] += 1;
        }
        if (tg[3] != null) {
          tg[3][r] += evValue[i];
        }
      }
    }
    return new UnitTable(source, variants, variantOf, out);
  }

  /** Units that have events only in the pre-period (never exposed). */
  int preOnlyUnits() {
    int c = 0;
    for (int u = 0; u < unitCount; u++) {
      if (!mixed[u] && unitFirstDay[u] == Integer.MAX_VALUE) {
        c++;
      }
    }
    return c;
  }
}
