package dev.vitrina.recs.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitrina.core.table.BadRowPolicy;
import dev.vitrina.core.table.TimestampUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedReaderTest {

  @TempDir Path tmp;

  private Path write(String name, String content) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  @Test
  void readsCsvWithHeaderQuotesTimestampsAndRepeats() throws IOException {
    Path f =
        write(
            "events.csv",
            "user_id,item_id,value,ts\n"
                + "u1,\"item, one\",2,2024-03-01T10:00:00Z\n"
                + "u2,i2,1,2024-03-02\n"
                + "u1,\"item, one\",3,2024-03-03T00:00:00Z\n");
    Interactions d =
        DelimitedReader.read(
            f,
            DelimitedFormat.csv()
                .withValueColumn("value")
                .withTimestampColumn("ts", TimestampUnit.ISO));
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.numUsers()).isEqualTo(2);
    assertThat(d.items().id(0)).isEqualTo("item, one");
    assertThat(d.timestamp(1)).isEqualTo(1709337600000L);
    ReadReport r = d.readReport().orElseThrow();
    assertThat(r.rowsRead()).isEqualTo(3);
    assertThat(r.duplicatePairs()).isEqualTo(1);
    UserItemMatrix m = d.toMatrix(ValueTransform.RAW);
    assertThat(m.nnz()).isEqualTo(2);
    assertThat(m.data()[0]).isEqualTo(5f);
    assertThat(d.toMatrix(ValueTransform.BINARY).data()[0]).isEqualTo(1f);
  }

  @Test
  void badRowsFailWithFileLineColumnAndCount() throws IOException {
    Path f = write("bad.csv", "user_id,item_id,value\nu1,i1,1\nu2,i2,abc\nu3,,1\nu4\nu5,i5,-2\n");
    assertThatThrownBy(
            () -> DelimitedReader.read(f, DelimitedFormat.csv().withValueColumn("value")))
        .isInstanceOf(InteractionsFormatException.class)
        .hasMessageContaining("4 of 5 rows are malformed")
        .hasMessageContaining("bad.csv:3: column 3 (value): 'abc' is not a number")
        .hasMessageContaining("bad.csv:4: column 2 (item) is empty")
        .hasMessageContaining("bad.csv:5: has 1 fields")
        .hasMessageContaining("bad.csv:6: column 3 (value): -2 must be a finite number >= 0")
        .hasMessageContaining("--skip-bad-rows");
  }

  @Test
  void skippedRowsAreCountedNotDroppedSilently() throws IOException {
    Path f = write("bad.csv", "user_id,item_id,value\nu1,i1,1\nu2,i2,abc\n");
    Interactions d =
        DelimitedReader.read(
            f,
            DelimitedFormat.csv()
                .withValueColumn("value")
                .withBadRows(BadRowPolicy.SKIP_AND_REPORT));
    assertThat(d.size()).isEqualTo(1);
    ReadReport r = d.readReport().orElseThrow();
    assertThat(r.rowsRejected()).isEqualTo(1);
    assertThat(r.problems()).singleElement().asString().contains("bad.csv:3");
    assertThat(r.summary()).contains("2 rows read, 1 accepted, 1 rejected");
  }

  @Test
  void missingColumnsAndEmptyFilesAreExplained() throws IOException {
    Path f = write("x.csv", "user,item\nu,i\n");
    assertThatThrownBy(() -> DelimitedReader.read(f, DelimitedFormat.csv()))
        .hasMessageContaining("no user column 'user_id' in the header [user, item]")
        .hasMessageContaining("--user-col");
    Path empty = write("empty.csv", "user_id,item_id\n");
    assertThatThrownBy(() -> DelimitedReader.read(empty, DelimitedFormat.csv()))
        .hasMessageContaining("no interactions read");
  }

  @Test
  void eventColumnsMapToWeights() throws IOException {
    Path f = write("ev.tsv", "user_id\titem_id\tevent\nu\ta\tview\nu\tb\tpurchase\nu\tc\tclick\n");
    DelimitedFormat fmt =
        DelimitedFormat.tsv()
            .withEvents("event", DelimitedFormat.parseEventWeights("view=1,purchase=5"))
            .withBadRows(BadRowPolicy.SKIP_AND_REPORT);
    Interactions d = DelimitedReader.read(f, fmt);
    assertThat(d.value(1)).isEqualTo(5f);
    assertThat(d.readReport().orElseThrow().problems())
        .singleElement()
        .asString()
        .contains("'click' has no weight");
    assertThatThrownBy(() -> DelimitedFormat.parseEventWeights("view:1"))
        .hasMessageContaining("view=1,cart=3,purchase=5");
    assertThatThrownBy(() -> DelimitedFormat.csv().withEvents("event", Map.of()))
        .hasMessageContaining("needs event weights");
  }

  @Test
  void headerlessFilesUsePositions() throws IOException {
    Path f = write("u.data", "1\t10\t5\t881250949\n2\t10\t3\t891717742\n");
    Interactions d =
        DelimitedReader.read(
            f,
            DelimitedFormat.tsv()
                .withHeader(false)
                .withUserColumn("1")
                .withItemColumn("2")
                .withValueColumn("3")
                .withTimestampColumn("4", TimestampUnit.SECONDS)
                .withFeedback(Feedback.EXPLICIT));
    assertThat(d.timestamp(0)).isEqualTo(881250949000L);
    assertThatThrownBy(() -> DelimitedReader.read(f, DelimitedFormat.tsv().withHeader(false)))
        .hasMessageContaining("must be a 1-based position, got 'user_id'");
  }
}
