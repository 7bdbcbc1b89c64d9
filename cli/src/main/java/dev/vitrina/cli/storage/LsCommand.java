package dev.vitrina.cli.storage;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.storage.StoragePaths;
import dev.vitrina.core.storage.Transfers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vitrina storage ls PATH}. */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "List the files under a folder (local or s3://), recursively, with their sizes.")
final class LsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PATH", description = "A folder or file.")
  Path path;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws Exception {
    List<Transfers.Entry> entries = Transfers.list(path);
    long bytes = 0;
    for (Transfers.Entry e : entries) {
      bytes += e.size();
    }
    if (json.enabled()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("path", StoragePaths.display(path));
      r.put("files", entries.size());
      r.put("bytes", bytes);
      r.put("entries", entries);
      System.out.println(Json.write(r));
      return 0;
    }
    for (Transfers.Entry e : entries) {
      System.out.printf("%12d  %s%n", e.size(), e.name());
    }
    System.out.printf(
        "%d files, %s in %s%n", entries.size(), Sizes.bytes(bytes), StoragePaths.display(path));
    return 0;
  }
}
