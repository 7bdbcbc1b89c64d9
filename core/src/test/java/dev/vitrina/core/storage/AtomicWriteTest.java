package dev.vitrina.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

  /** Above Linux's largest possible PID (2^22), so no process has it. */
  private static final long DEAD_PID = 999_999_999L;

  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

  private static final long SELF = ProcessHandle.current().pid();

  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path file(String name, FileTime modified) throws IOException {
    Path p = Files.writeString(dir.resolve(name), "partial");
    Files.setLastModifiedTime(p, modified);
    return p;
  }

  @Test
  void temporaryNamesCarryThePid() {
    Path t = AtomicWrite.tempSibling(dir.resolve("a.csv"));
    assertThat(t.getParent()).isEqualTo(dir.toAbsolutePath());
    assertThat(t.getFileName().toString()).matches("\\.a\\.csv\\.tmp-" + SELF + "-[0-9a-z]+");
    assertThat(AtomicWrite.isTempName(t.getFileName().toString())).isTrue();
    assertThat(AtomicWrite.isTempName(".a.csv.tmp-k3j2")).isTrue();
    assertThat(AtomicWrite.isTempName("a.csv.tmp-12-k3j2")).isFalse();
    assertThat(AtomicWrite.isTempName(".a.csv")).isFalse();
    assertThat(AtomicWrite.isTempName(".tmp-1-a")).isFalse();
    assertThat(AtomicWrite.isTempName(".a.tmp-1-A")).isFalse();
  }

  @Test
  void aWriteRemovesTheStaleTemporariesOfItsTarget() throws IOException {
    FileTime now = FileTime.from(Instant.now());
    file(".a.csv.tmp-" + DEAD_PID + "-old1", LONG_AGO); // owner gone: removed
    file(".a.csv.tmp-" + SELF + "-reused", LONG_AGO); // PID reused by a later process: removed
    file(".a.csv.tmp-legacy1", LONG_AGO); // older naming, a day old: removed
    Path deadDir = Files.createDirectory(dir.resolve(".a.csv.tmp-" + DEAD_PID + "-dir1"));
    Files.setLastModifiedTime(file(".a.csv.tmp-" + DEAD_PID + "-dir1/part", LONG_AGO), LONG_AGO);
    Files.setLastModifiedTime(deadDir, LONG_AGO);
    // kept: a running writer (this process), a dead one within the grace period, a fresh legacy
    // one, another target's and a user's hidden file
    file(".a.csv.tmp-" + SELF + "-live", now);
    file(".a.csv.tmp-" + DEAD_PID + "-recent", now);
    file(".a.csv.tmp-legacy2", now);
    file(".b.csv.tmp-" + DEAD_PID + "-other", LONG_AGO);
    file(".a.csv.tmpfile", LONG_AGO);

    AtomicWrite.writeString(dir.resolve("a.csv"), "x\n");

    assertThat(names())
        .containsExactlyInAnyOrder(
            ".a.csv.tmp-" + DEAD_PID + "-recent",
            ".a.csv.tmp-" + SELF + "-live",
            ".a.csv.tmp-legacy2",
            ".a.csv.tmpfile",
            ".b.csv.tmp-" + DEAD_PID + "-other",
            "a.csv");
    assertThat(dir.resolve("a.csv")).hasContent("x");
  }

  @Test
  void aDirectoryWriteRemovesStaleTemporaryDirectoriesButKeepsALiveWritersTree()
      throws IOException {
    Path stale = Files.createDirectories(dir.resolve(".model.tmp-" + DEAD_PID + "-a1/sub"));
    Files.setLastModifiedTime(Files.writeString(stale.resolve("f"), "x"), LONG_AGO);
    Files.setLastModifiedTime(stale, LONG_AGO);
    Files.setLastModifiedTime(stale.getParent(), LONG_AGO);
    // the directory entry is old but a file inside was written just now: still being filled
    Path busy = Files.createDirectory(dir.resolve(".model.tmp-" + DEAD_PID + "-b2"));
    Files.writeString(busy.resolve("f"), "x");
    Files.setLastModifiedTime(busy, LONG_AGO);

    AtomicWrite.writeDirectory(dir.resolve("model"), d -> Files.writeString(d.resolve("m"), "1"));

    assertThat(names()).containsExactly(".model.tmp-" + DEAD_PID + "-b2", "model");
    assertThat(dir.resolve("model").resolve("m")).hasContent("1");
  }

  @Test
  void removeStaleTempsReportsWhatItRemoved() throws IOException {
    Path stale = file(".t.tmp-" + DEAD_PID + "-z", LONG_AGO);
    assertThat(AtomicWrite.removeStaleTemps(dir.resolve("t"))).containsExactly(stale);
    assertThat(AtomicWrite.removeStaleTemps(dir.resolve("t"))).isEmpty();
    assertThat(AtomicWrite.removeStaleTemps(dir.resolve("missing-parent").resolve("t"))).isEmpty();
  }
}
