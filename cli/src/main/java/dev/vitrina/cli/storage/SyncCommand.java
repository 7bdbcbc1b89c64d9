package dev.vitrina.cli.storage;

import picocli.CommandLine.Command;

/** {@code vitrina storage sync SRC DST}: {@code cp} that skips files already there. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Like cp, but skip each file whose target already exists with the same size. Nothing is",
      "deleted at DST."
    })
final class SyncCommand extends CpCommand {

  @Override
  boolean onlyChanged() {
    return true;
  }
}
