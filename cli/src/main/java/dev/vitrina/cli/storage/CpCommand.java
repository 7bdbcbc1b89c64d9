package dev.vitrina.cli.storage;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.progress.Progress;
import dev.vitrina.core.storage.StoragePaths;
import dev.vitrina.core.storage.Transfers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vitrina storage cp SRC DST}. */
@Command(
    name = "cp",
    mixinStandardHelpOptions = true,
    description = {
      "Copy a file, or every file under a folder, from SRC to DST (local or s3://), several at",
      "once, each published atomically (a reader never sees half a file), with retries."
    })
class CpCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SRC", description = "A file or folder.")
  Path source;

  @Parameters(index = "1", paramLabel = "DST", description = "The target file or folder.")
  Path target;

  @Mixin TransferOptions transfer;

  @Mixin JsonOption json;

  boolean onlyChanged() {
    return false;
  }

  @Override
  public Integer call() throws Exception {
    Transfers.Options options = transfer.toOptions(onlyChanged());
    long total = Transfers.size(source);
    Transfers.Summary s;
    try (Progress progress = json.progress("copy", total)) {
      s = Transfers.copy(source, target, options, progress);
    }
    if (json.enabled()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("source", StoragePaths.display(source));
      r.put("target", StoragePaths.display(target));
      r.put("files", s.files());
      r.put("skipped", s.skipped());
      r.put("bytes", s.bytes());
      r.put("retries", s.retries());
      r.put("seconds", s.seconds());
      r.put("mb_per_second", s.megabytesPerSecond());
      System.out.println(Json.write(r));
      return 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%d files, %s copied in %.2f s (%.1f MB/s, %d in flight)%s%s%n",
        s.files(),
        Sizes.bytes(s.bytes()),
        s.seconds(),
        s.megabytesPerSecond(),
        options.parallel(),
        s.skipped() > 0 ? "; " + s.skipped() + " unchanged, skipped" : "",
        s.retries() > 0 ? "; " + s.retries() + " retries" : "");
    return 0;
  }
}
