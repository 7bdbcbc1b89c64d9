package dev.vitrina.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Help text layout. Command descriptions are written in the source as several short strings (to
 * keep lines short); picocli would print each string on its own line and wrap it again, breaking
 * sentences in the middle. {@link #reflow} joins them into paragraphs that picocli wraps to the
 * terminal's width once. A line that starts with "Example" or with spaces starts a new paragraph.
 */
final class HelpText {

  private HelpText() {}

  /** Reflows the descriptions of a command and all its subcommands, and wraps to the terminal. */
  static void reflow(CommandLine cl) {
    cl.setUsageHelpAutoWidth(true);
    reflowTree(cl);
  }

  private static void reflowTree(CommandLine cl) {
    CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    usage.description(paragraphs(usage.description()));
    for (CommandLine sub : cl.getSubcommands().values()) {
      reflowTree(sub);
    }
  }

  /** Joins lines into paragraphs (see the class comment). */
  static String[] paragraphs(String[] lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String line : lines) {
      boolean starts =
          current == null || line.isEmpty() || line.startsWith(" ") || line.startsWith("Example");
      if (starts) {
        if (current != null) {
          out.add(current.toString());
        }
        current = new StringBuilder(line);
      } else {
        current.append(' ').append(line.strip());
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out.toArray(String[]::new);
  }
}
