package dev.vitrina.cli.abtest;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.experiments.assign.Assignment;
import dev.vitrina.experiments.assign.AssignmentChange;
import dev.vitrina.experiments.assign.AssignmentConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vitrina abtest assign}: the variant of each unit, and re-bucketing warnings. */
@Command(
    name = "assign",
    mixinStandardHelpOptions = true,
    description = {
      "Assign units to variants with an experiment config (JSON; see docs/experiments.md).",
      "Deterministic: MurmurHash3 of (salt, unit id). With --previous-config, warns when a",
      "config change moves units between variants."
    })
final class AssignCommand implements Callable<Integer> {

  @Option(
      names = "--experiment-config",
      required = true,
      description = "JSON config: one experiment, or {experiments: [...], layers: [...]}.")
  Path config;

  @Option(names = "--unit", description = "A unit id to assign (repeatable).")
  List<String> units = new ArrayList<>();

  @Option(names = "--units-file", description = "A text file with one unit id per line.")
  Path unitsFile;

  @Option(names = "--experiment", description = "Only this experiment of the config.")
  String experiment;

  @Option(
      names = "--previous-config",
      description =
          "The config before a change: reports the units that would change variant, leave or"
              + " enter (weights, coverage, salt, layer slots, removed experiments).")
  Path previous;

  @Mixin JsonOption json;

  @Override
  public Integer call() throws IOException {
    AssignmentConfig cfg = AssignmentConfig.read(config);
    List<String> ids = new ArrayList<>(units);
    if (unitsFile != null) {
      if (!Files.isRegularFile(unitsFile)) {
        throw new IllegalArgumentException(
            "--units-file " + unitsFile + " does not exist; give one unit id per line");
      }
      for (String l : Files.readAllLines(unitsFile, StandardCharsets.UTF_8)) {
        if (!l.isBlank()) {
          ids.add(l.trim());
        }
      }
    }
    if (experiment != null && !cfg.byName().containsKey(experiment)) {
      throw new IllegalArgumentException(
          "--experiment '"
              + experiment
              + "' is not in "
              + config
              + "; it has "
              + cfg.byName().keySet());
    }
    List<String> warnings = new ArrayList<>();
    List<AssignmentChange> changes = new ArrayList<>();
    if (previous != null) {
      AssignmentConfig before = AssignmentConfig.read(previous);
      for (AssignmentChange ch : AssignmentChange.between(before, cfg)) {
        if (experiment == null || experiment.equals(ch.experiment())) {
          changes.add(ch);
          warnings.addAll(ch.warnings());
        }
      }
    }
    if (ids.isEmpty() && previous == null) {
      throw new IllegalArgumentException(
          "give units to assign with --unit ID (repeatable) or --units-file FILE, or"
              + " --previous-config to check a config change");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String id : ids) {
      List<Assignment> as =
          experiment == null ? cfg.assign(id) : List.of(cfg.assign(id, experiment));
      for (Assignment a : as) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("unit", id);
        row.put("experiment", a.experiment());
        row.put("status", a.status().name().toLowerCase(Locale.ROOT));
        row.put("variant", a.variant());
        row.put("bucket", a.bucket());
        rows.add(row);
        text.append(id)
            .append('\t')
            .append(a.experiment())
            .append('\t')
            .append(a.assigned() ? a.variant() : "-")
            .append('\t')
            .append(a.status().name().toLowerCase(Locale.ROOT))
            .append('\n');
      }
    }
    for (AssignmentChange ch : changes) {
      if (ch.saltChanged()) {
        text.append("change of '")
            .append(ch.experiment())
            .append("': new salt, every unit re-randomized\n");
        continue;
      }
      text.append(
          String.format(
              Locale.ROOT,
              "change of '%s': stayed %.2f%%, moved %.2f%%, entered %.2f%%, left %.2f%% of all"
                  + " units%n",
              ch.experiment(),
              100 * ch.stayed(),
              100 * ch.moved(),
              100 * ch.entered(),
              100 * ch.left()));
    }
    for (String w : warnings) {
      System.err.println("warning: " + w);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("assignments", rows);
    out.put("changes", changes);
    out.put("warnings", warnings);
    String human = text.toString();
    json.print(out, human.endsWith("\n") ? human.substring(0, human.length() - 1) : human);
    return 0;
  }
}
