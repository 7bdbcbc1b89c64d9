package dev.vitrina.recs.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.check.ParameterException;
import dev.vitrina.recs.data.Feedback;
import dev.vitrina.recs.data.Interactions;
import dev.vitrina.recs.knn.ItemKnnConfig;
import dev.vitrina.recs.knn.ItemKnnTrainer;
import dev.vitrina.recs.model.Recommender;
import dev.vitrina.recs.request.Pipelines;
import dev.vitrina.recs.request.RecRequest;
import dev.vitrina.recs.request.RequestState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageComposerTest {

  /** 60 users over 40 items in 4 genres; each user mostly uses one or two genres. */
  static Recommender model() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    String[] genres = {"Action", "Comedy", "Drama", "Horror"};
    for (int i = 0; i < 40; i++) {
      b.itemGenres("i" + i, List.of(genres[i % 4]));
      b.itemTitle("i" + i, "Item " + i);
    }
    Random rnd = new Random(7);
    long t = 0;
    for (int u = 0; u < 60; u++) {
      int g1 = u % 4;
      int g2 = (u / 4) % 4;
      for (int j = 0; j < 8; j++) {
        int g = rnd.nextInt(3) == 0 ? g2 : g1;
        int item = g + 4 * rnd.nextInt(10);
        b.add("u" + u, "i" + item, 1, t++);
      }
    }
    return new ItemKnnTrainer(ItemKnnConfig.defaults()).fit(b.build());
  }

  static RequestState state(Recommender m, String user) {
    return Pipelines.standard(m).resolve(RecRequest.forUser(user, 5));
  }

  @Test
  void pageWiseGreedyShowsNothingTwiceInViewAndRespectsTheLimits() {
    Recommender m = model();
    PageLayout layout = PageLayout.of(6, 4).withMaxRowsPerGenerator(2).withMinCategories(3);
    PageComposer.Composed c =
        PageComposer.standard().compose(state(m, "u5"), layout, PageComposer.Policy.PAGE_GREEDY);
    assertThat(c.page().duplicatesInView()).isZero();
    assertThat(PageMetrics.duplicatesInView(c.grid(), layout)).isZero();
    assertThat(c.grid().length).isLessThanOrEqualTo(6);
    Map<String, Integer> perGenerator = new HashMap<>();
    c.page().rows().forEach(r -> perGenerator.merge(r.generator(), 1, Integer::sum));
    assertThat(perGenerator.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
    assertThat(c.page().categoriesInView()).isGreaterThanOrEqualTo(3);
    for (int[] row : c.grid()) {
      assertThat(row.length).isLessThanOrEqualTo(4);
    }
    // seen items never appear
    RequestState s = state(m, "u5");
    for (int[] row : c.grid()) {
      for (int item : row) {
        assertThat(s.allowed(item)).isTrue();
      }
    }
  }

  @Test
  void theRowIndependentBaselineRepeatsItemsAndScoresLowerOnThePageMetric() {
    Recommender m = model();
    PageLayout layout = PageLayout.of(5, 4);
    int worse = 0;
    int users = 0;
    for (int u = 0; u < 60; u += 7) {
      RequestState s = state(m, "u" + u);
      PageComposer.Composed greedy =
          PageComposer.standard().compose(s, layout, PageComposer.Policy.PAGE_GREEDY);
      PageComposer.Composed indep =
          PageComposer.standard().compose(s, layout, PageComposer.Policy.ROW_INDEPENDENT);
      assertThat(greedy.page().duplicatesInView()).isZero();
      // relevance as ground truth: every allowed item weighted by its relevance in the greedy gain;
      // the page-wise policy maximises the discounted relevance of distinct items in view
      PageState ps = new PageState(s);
      if (distinctGain(greedy.grid(), ps, layout) + 1e-9 < distinctGain(indep.grid(), ps, layout)) {
        worse++;
      }
      users++;
    }
    assertThat(users).isPositive();
    assertThat(worse).isZero();
  }

  @Test
  void theFlatPolicyCutsOneListIntoRows() {
    Recommender m = model();
    RequestState s = state(m, "u3");
    PageComposer.Composed flat =
        PageComposer.standard().compose(s, PageLayout.of(3, 4), PageComposer.Policy.FLAT);
    List<Integer> all = new ArrayList<>();
    for (int[] row : flat.grid()) {
      for (int i : row) {
        all.add(i);
      }
    }
    assertThat(all).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(12);
    int[] top = new PageState(s).top(12, i -> true);
    assertThat(all).containsExactlyElementsOf(java.util.Arrays.stream(top).boxed().toList());
  }

  @Test
  void aUserWithoutHistoryGetsNonPersonalRowsSaidSo() {
    Recommender m = model();
    Page p =
        PageComposer.standard()
            .compose(state(m, "stranger"), PageLayout.of(4, 3), PageComposer.Policy.PAGE_GREEDY)
            .page();
    assertThat(p.personal()).isFalse();
    assertThat(p.rows()).isNotEmpty();
    assertThat(p.rows()).noneMatch(r -> r.generator().equals("because"));
    Page.PageRow popular =
        p.rows().stream().filter(r -> r.generator().equals("for_you")).findFirst().orElseThrow();
    assertThat(popular.reason().kind()).isEqualTo("popular");
    assertThat(popular.title()).isEqualTo("Popular");
    assertThat(p.duplicatesInView()).isZero();
  }

  @Test
  void twoDimensionalNdcgCountsAnItemOnceAtItsBestCell() {
    PageLayout l = PageLayout.of(2, 2);
    BitSet rel = new BitSet();
    rel.set(7);
    rel.set(9);
    // discounts with alpha = beta = 1: (0,0) 1, (0,1) = (1,0) = 1/log2(3), (1,1) = 1/2
    double d01 = 1 / (Math.log(3) / Math.log(2));
    int[][] grid = {{7, 1}, {9, 7}};
    double ideal = 1 + d01;
    assertThat(PageMetrics.ndcg2d(grid, rel, l)).isCloseTo((1 + d01) / ideal, within());
    int[][] late = {{1, 2}, {3, 7}};
    assertThat(PageMetrics.ndcg2d(late, rel, l)).isCloseTo(0.5 / ideal, within());
    assertThat(PageMetrics.hit(late, rel, l)).isEqualTo(1);
    assertThat(PageMetrics.hit(late, rel, l.withVisible(1, 2))).isZero();
    assertThat(PageMetrics.duplicatesInView(grid, l)).isEqualTo(1);
    assertThat(PageMetrics.ndcg2d(grid, new BitSet(), l)).isZero();
  }

  @Test
  void aLocatedRequestGetsANearYouRowOfItemsWithinTheRadius() {
    Interactions.Builder b = Interactions.builder(Feedback.IMPLICIT);
    for (int u = 0; u < 10; u++) {
      for (int i = 0; i < 6; i++) {
        if ((u + i) % 3 != 0) {
          b.add("u" + u, "i" + i, 1, u * 10L + i);
        }
      }
    }
    Interactions data = b.build();
    dev.vitrina.core.geo.GeoPoint[] pts = new dev.vitrina.core.geo.GeoPoint[data.numItems()];
    for (int i = 0; i < pts.length; i++) {
      int n = Integer.parseInt(data.items().id(i).substring(1));
      // items i0..i5 lie 0, 2, 4, 6, 8, 10 km north of the user
      pts[i] = new dev.vitrina.core.geo.GeoPoint(1.3 + n * 2 / 111.2, 103.8);
    }
    data =
        data.withItemAttributes(
            data.itemAttributes()
                .withColumn(dev.vitrina.recs.data.AttributeColumn.geoPoints("location", pts)));
    Recommender m = new ItemKnnTrainer(ItemKnnConfig.defaults()).fit(data);
    RequestState s =
        Pipelines.standard(m)
            .resolve(
                RecRequest.forUser("stranger", 5)
                    .at(new dev.vitrina.core.geo.GeoPoint(1.3, 103.8)));
    List<Row> near = Generators.nearYou(5).rows(new PageState(s), 10);
    assertThat(near).hasSize(1);
    List<String> ids =
        java.util.Arrays.stream(near.get(0).items()).mapToObj(i -> m.items().id(i)).toList();
    assertThat(ids).containsExactlyInAnyOrder("i0", "i1", "i2");
    assertThat(near.get(0).reason().kind()).isEqualTo("near");
    RequestState nowhere = Pipelines.standard(m).resolve(RecRequest.forUser("stranger", 5));
    assertThat(Generators.nearYou(5).rows(new PageState(nowhere), 10)).isEmpty();
  }

  @Test
  void badLayoutsNameTheirParameter() {
    assertThatThrownBy(() -> PageLayout.of(0, 10))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("rows");
    assertThatThrownBy(() -> PageLayout.of(10, 0))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("cols");
    assertThatThrownBy(() -> PageLayout.of(3, 3).withVisible(4, 3))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("visibleRows");
    assertThatThrownBy(() -> PageLayout.of(3, 3).withMaxRowsPerGenerator(0))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("maxRowsPerGenerator");
  }

  @Test
  void htmlNamesEveryRowAndEscapesTitles() {
    Page p =
        PageComposer.standard()
            .compose(state(model(), "u1"), PageLayout.of(3, 3), PageComposer.Policy.PAGE_GREEDY)
            .page();
    String html = PageHtml.render(p);
    for (Page.PageRow r : p.rows()) {
      assertThat(html).contains(dev.vitrina.core.html.Html.escape(r.title()));
    }
    assertThat(html).startsWith("<!doctype html>");
  }

  private static double distinctGain(int[][] grid, PageState s, PageLayout l) {
    BitSet seen = new BitSet();
    double g = 0;
    for (int r = 0; r < grid.length; r++) {
      for (int c = 0; c < grid[r].length; c++) {
        if (!seen.get(grid[r][c])) {
          seen.set(grid[r][c]);
          g += s.relevance(grid[r][c]) * l.discount(r, c);
        }
      }
    }
    return g;
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
