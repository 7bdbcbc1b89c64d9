package dev.vitrina.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.progress.Progress;
import dev.vitrina.parquet.ColumnSpec;
import dev.vitrina.parquet.IntColumn;
import dev.vitrina.parquet.ParquetReader;
import dev.vitrina.parquet.StringColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketplaceGeneratorTest {

  @TempDir Path tmp;

  @Test
  void sameSeedSameBytesOtherSeedOtherData() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    new MarketplaceGenerator(Preset.TINY, 7).generate(a, Progress.silent());
    new MarketplaceGenerator(Preset.TINY, 7).generate(b, Progress.silent());
    new MarketplaceGenerator(Preset.TINY, 8).generate(c, Progress.silent());
    for (String f :
        new String[] {
          "stores.parquet",
          "items.parquet",
          "calendar.parquet",
          "prices.parquet",
          "sales.parquet",
          "users.parquet",
          "user_interests.parquet",
          "interactions.parquet"
        }) {
      assertThat(Files.readAllBytes(a.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(b.resolve(f)));
    }
    assertThat(Files.readAllBytes(a.resolve("sales.parquet")))
        .isNotEqualTo(Files.readAllBytes(c.resolve("sales.parquet")));
  }

  @Test
  void salesHoldOnlyNonZeroRowsInDateOrderWithSparseShare() throws Exception {
    MarketplaceGenerator.Summary s =
        new MarketplaceGenerator(Preset.TINY, 42).generate(tmp, Progress.silent());
    assertThat(s.nonZeroShare()).isBetween(0.10, 0.35);
    try (ParquetReader r = ParquetReader.open(tmp.resolve("sales.parquet"))) {
      assertThat(r.schema().stream().map(ColumnSpec::name))
          .containsExactly("store_id", "item_id", "date", "qty", "price", "promo");
      assertThat(r.numRows()).isEqualTo(s.salesRows());
      IntColumn qty = (IntColumn) r.readColumn("qty");
      IntColumn date = (IntColumn) r.readColumn("date");
      StringColumn store = (StringColumn) r.readColumn("store_id");
      StringColumn item = (StringColumn) r.readColumn("item_id");
      Set<String> keys = new HashSet<>();
      for (int i = 0; i < qty.size(); i++) {
        assertThat(qty.values()[i]).isPositive();
        if (i > 0) {
          assertThat(date.values()[i]).isGreaterThanOrEqualTo(date.values()[i - 1]);
        }
        String key =
            store.dictionary()[store.codes()[i]]
                + "/"
                + item.dictionary()[item.codes()[i]]
                + "/"
                + date.values()[i];
        assertThat(keys.add(key)).as("duplicate %s", key).isTrue();
      }
    }
  }

  @Test
  void m5PresetHasTheShapeOfM5() {
    Preset m5 = Preset.named("m5");
    assertThat(m5.stores() * m5.items()).isEqualTo(30_490);
    assertThat(m5.days()).isEqualTo(1_941);
    MarketplaceGenerator g = new MarketplaceGenerator(m5, 1);
    MarketplaceGenerator.Catalog cat = g.catalog();
    assertThat(cat.itemIds()).hasSize(3_049).doesNotHaveDuplicates();
    assertThat(java.util.Arrays.stream(cat.department()).distinct().count()).isEqualTo(7);
    assertThat(java.util.Arrays.stream(cat.category()).distinct().count()).isEqualTo(3);
    Set<String> states = new HashSet<>();
    for (int j = 0; j < m5.stores(); j++) {
      states.add(MarketplaceGenerator.STORES[j][2]);
    }
    assertThat(states).containsExactlyInAnyOrder("CA", "TX", "WI");
  }

  @Test
  void unknownPresetNamesTheChoices() {
    assertThatThrownBy(() -> Preset.named("huge")).hasMessageContaining("tiny, demo, m5");
  }

  @Test
  void defaultInterestRangeIsTwoToFourAndAnExplicitDefaultChangesNothing() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    new MarketplaceGenerator(Preset.TINY, 7).generate(a, Progress.silent());
    new MarketplaceGenerator(Preset.TINY, 7).plantedInterests(2, 4).generate(b, Progress.silent());
    for (String f : new String[] {"user_interests.parquet", "interactions.parquet"}) {
      assertThat(Files.readAllBytes(a.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(b.resolve(f)));
    }
    assertThat(interestsPerUser(a).values()).allMatch(n -> n >= 2 && n <= 4);
  }

  @Test
  void plantedInterestsOneToFourGivesEveryCountAndIsSeeded() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    new MarketplaceGenerator(Preset.TINY, 7).plantedInterests(1, 4).generate(a, Progress.silent());
    new MarketplaceGenerator(Preset.TINY, 7).plantedInterests(1, 4).generate(b, Progress.silent());
    assertThat(Files.readAllBytes(a.resolve("interactions.parquet")))
        .isEqualTo(Files.readAllBytes(b.resolve("interactions.parquet")));
    java.util.Map<String, Integer> per = interestsPerUser(a);
    assertThat(per).hasSize(Preset.TINY.users());
    assertThat(new HashSet<>(per.values())).containsExactlyInAnyOrder(1, 2, 3, 4);
  }

  @Test
  void badInterestRangeNamesTheRule() {
    MarketplaceGenerator g = new MarketplaceGenerator(Preset.TINY, 7);
    assertThatThrownBy(() -> g.plantedInterests(0, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 <= min <= max <= 10")
        .hasMessageContaining("min=0");
    assertThatThrownBy(() -> g.plantedInterests(3, 2)).hasMessageContaining("max=2");
  }

  private static java.util.Map<String, Integer> interestsPerUser(Path dir) throws Exception {
    java.util.Map<String, Integer> per = new java.util.HashMap<>();
    try (ParquetReader r = ParquetReader.open(dir.resolve("user_interests.parquet"))) {
      StringColumn users = (StringColumn) r.readColumn("user_id");
      for (int i = 0; i < users.size(); i++) {
        per.merge(users.get(i), 1, Integer::sum);
      }
    }
    return per;
  }
}
