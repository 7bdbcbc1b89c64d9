package dev.vitrina.cli.storage;

import dev.vitrina.core.storage.Transfers;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The transfer flags shared by {@code cp} and {@code sync}. */
final class TransferOptions {

  @Option(
      names = "--parallel",
      defaultValue = "16",
      description = "Files in flight at once (1 = one after another). Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Option(
      names = "--retries",
      defaultValue = "4",
      description = "Extra attempts for a file after a failure. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(
      names = "--backoff-ms",
      defaultValue = "200",
      description =
          "Wait before the first retry, doubled for each further one. Default: ${DEFAULT-VALUE}.")
  long backoffMs;

  Transfers.Options toOptions(boolean onlyChanged) {
    return new Transfers.Options(parallel, retries, Duration.ofMillis(backoffMs), onlyChanged);
  }
}
