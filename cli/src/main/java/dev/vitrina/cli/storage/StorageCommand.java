package dev.vitrina.cli.storage;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vitrina storage}: the command group. */
@Command(
    name = "storage",
    mixinStandardHelpOptions = true,
    description = {
      "List and copy files and whole folders between local paths and s3:// locations, and run",
      "a local S3 server for trying s3:// without AWS. See docs/storage.md."
    },
    subcommands = {
      LsCommand.class,
      CpCommand.class,
      SyncCommand.class,
      ServeLocalCommand.class,
      TransferBenchCommand.class
    })
public final class StorageCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
