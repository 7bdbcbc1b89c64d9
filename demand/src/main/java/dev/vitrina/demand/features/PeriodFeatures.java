package dev.vitrina.demand.features;

import dev.vitrina.demand.data.Dimensions;
import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Panel;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Calendar features per period, shared by every series: {@code dow} (1 = Monday, daily panels
 * only), {@code week_of_year} (ISO), {@code month}, and each {@code event_*} flag of the calendar
 * (for weekly panels, 1 when any day of the week has the event). Days missing from the calendar get
 * NaN flags.
 */
final class PeriodFeatures {
  final List<String> names = new ArrayList<>();
  final float[][] byPeriod;

  PeriodFeatures(Panel panel, Dimensions dims) {
    int periods = panel.periods();
    boolean daily = panel.freq() == Freq.DAY;
    List<float[]> cols = new ArrayList<>();
    float[] dow = new float[periods];
    float[] woy = new float[periods];
    float[] month = new float[periods];
    for (int p = 0; p < periods; p++) {
      LocalDate d = panel.periodStart(p);
      dow[p] = d.getDayOfWeek().getValue();
      woy[p] = d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      month[p] = d.getMonthValue();
    }
    if (daily) {
      names.add("dow");
      cols.add(dow);
    }
    names.add("week_of_year");
    cols.add(woy);
    names.add("month");
    cols.add(month);
    int[] calDays = dims.calendarDays();
    for (Map.Entry<String, float[]> e : dims.events().entrySet()) {
      float[] flag = new float[periods];
      float[] src = e.getValue();
      for (int p = 0; p < periods; p++) {
        int start = panel.periodStartDay(p);
        float v = Float.NaN;
        for (int d = start; d < start + panel.freq().days(); d++) {
          int i = Arrays.binarySearch(calDays, d);
          if (i >= 0) {
            float x = src[i];
            v = (v != v) ? x : Math.max(v, x);
          }
        }
        flag[p] = v;
      }
      names.add(e.getKey());
      cols.add(flag);
    }
    byPeriod = cols.toArray(float[][]::new);
  }
}
