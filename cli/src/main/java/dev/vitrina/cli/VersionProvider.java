package dev.vitrina.cli;

import dev.vitrina.core.Version;
import picocli.CommandLine;

/** Supplies {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"vitrina " + Version.get()};
  }
}
