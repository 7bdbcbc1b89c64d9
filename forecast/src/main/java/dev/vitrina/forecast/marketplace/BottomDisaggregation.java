package dev.vitrina.forecast.marketplace;

import dev.vitrina.demand.panel.Freq;
import dev.vitrina.demand.panel.Panel;
import dev.vitrina.forecast.disagg.DayOfWeekProfile;
import dev.vitrina.forecast.disagg.Disaggregator;
import dev.vitrina.forecast.disagg.Shares;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Brings a level's forecasts down to store x item x day: to store x item by {@link Shares} (for a
 * coarser level), then to days by {@link DayOfWeekProfile} (for weeks). Bottom series whose parent
 * is not in the level's panel are forecast 0 and counted.
 */
final class BottomDisaggregation {

  /**
   * The bottom series' daily forecasts.
   *
   * @param daily {@code bottom series x horizon days}, series-major
   * @param withoutParent bottom series forecast 0 because their parent is not in the level's panel
   */
  record Result(double[] daily, int withoutParent) {}

  /**
   * The bottom series that have a parent in the level's panel.
   *
   * @param childIdx bottom series index of each child
   * @param parentOf level series index of each child's parent
   */
  private record Children(int[] childIdx, int[] parentOf) {
    int count() {
      return childIdx.length;
    }
  }

  private final MarketplaceHistory history;
  private final MarketplaceSpec spec;
  private final int originDay;

  BottomDisaggregation(MarketplaceHistory history, MarketplaceSpec spec, int originDay) {
    this.history = history;
    this.spec = spec;
    this.originDay = originDay;
  }

  Result apply(Panel levelPanel, double[] atLevel) {
    int nb = history.bottom().seriesCount();
    Children children = children(levelPanel);
    double[] childF = toChildren(levelPanel, atLevel, children);
    double[] daily = spec.freq() == Freq.WEEK ? weeksToDays(childF, children) : childF;
    int h = spec.horizonDays();
    double[] out = new double[nb * h];
    for (int c = 0; c < children.count(); c++) {
      System.arraycopy(daily, c * h, out, children.childIdx()[c] * h, h);
    }
    return new Result(out, nb - children.count());
  }

  /** Matches each bottom series to its parent in the level's panel by the level's key. */
  private Children children(Panel levelPanel) {
    Panel bottom = history.bottom();
    int nb = bottom.seriesCount();
    List<String> lvl = spec.level().columns();
    Map<String, Integer> parentIndex = new HashMap<>();
    for (int s = 0; s < levelPanel.seriesCount(); s++) {
      parentIndex.put(key(levelPanel, s, lvl), s);
    }
    int[] parentOfBottom = new int[nb];
    int children = 0;
    for (int s = 0; s < nb; s++) {
      Integer p = parentIndex.get(key(bottom, s, lvl));
      parentOfBottom[s] = p == null ? -1 : p;
      if (p != null) {
        children++;
      }
    }
    int[] childIdx = new int[children];
    int[] parentOf = new int[children];
    for (int s = 0, c = 0; s < nb; s++) {
      if (parentOfBottom[s] >= 0) {
        childIdx[c] = s;
        parentOf[c++] = parentOfBottom[s];
      }
    }
    return new Children(childIdx, parentOf);
  }

  /** Level -> store x item at the level's frequency: a copy at the bottom level, else shares. */
  private double[] toChildren(Panel levelPanel, double[] atLevel, Children ch) {
    int hp = spec.horizonPeriods();
    List<String> lvl = spec.level().columns();
    if (new LinkedHashSet<>(lvl).equals(new LinkedHashSet<>(MarketplaceHistory.BOTTOM))) {
      double[] childF = new double[ch.count() * hp];
      for (int c = 0; c < ch.count(); c++) {
        System.arraycopy(atLevel, ch.parentOf()[c] * hp, childF, c * hp, hp);
      }
      return childF;
    }
    int w = spec.shareWindowDays();
    float[] win = history.bottomWindow(originDay - w, originDay);
    float[] childWin = select(win, w, ch.childIdx());
    double[] shares =
        Shares.compute(childWin, w, ch.parentOf(), levelPanel.seriesCount(), spec.shares());
    return Disaggregator.disaggregate(atLevel, hp, ch.parentOf(), shares);
  }

  /** Weeks -> days by each child's day-of-week profile. */
  private double[] weeksToDays(double[] childF, Children ch) {
    int pw = spec.profileWindowDays();
    float[] win = select(history.bottomWindow(originDay - pw, originDay), pw, ch.childIdx());
    // the window starts pw days (a multiple of 7) before a Monday: on a Monday, phase 0
    double[] prof = DayOfWeekProfile.profiles(win, pw, 0);
    return DayOfWeekProfile.weeklyToDaily(childF, spec.horizonPeriods(), prof);
  }

  /** Key of a series in the columns of {@code level}. */
  private static String key(Panel panel, int s, List<String> level) {
    StringBuilder b = new StringBuilder();
    for (String c : level) {
      b.append(panel.key(s, c)).append('\u0001');
    }
    return b.toString();
  }

  private static float[] select(float[] dense, int w, int[] rows) {
    float[] out = new float[rows.length * w];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(dense, rows[i] * w, out, i * w, w);
    }
    return out;
  }
}
