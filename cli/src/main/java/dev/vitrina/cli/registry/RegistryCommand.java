package dev.vitrina.cli.registry;

import dev.vitrina.cli.JsonOption;
import dev.vitrina.core.json.Json;
import dev.vitrina.core.storage.StoragePaths;
import dev.vitrina.serve.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vitrina registry}: versioned models with role pointers. See docs/serving.md. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = {
      "Push model artifacts into a registry (local or s3://) as immutable versions, point roles",
      "(production, candidate, ...) at versions, and roll back. See docs/serving.md."
    },
    subcommands = {
      RegistryCommand.ListCommand.class,
      RegistryCommand.PushCommand.class,
      RegistryCommand.PromoteCommand.class,
      RegistryCommand.RollbackCommand.class
    })
public final class RegistryCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The {@code --registry} option. */
  static final class RegistryOption {
    @Option(
        names = "--registry",
        required = true,
        paramLabel = "PATH",
        description = "The registry's root folder (local or s3://).")
    Path root;

    ModelRegistry open() {
      return new ModelRegistry(root);
    }
  }

  /** {@code vitrina registry list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List every model: its versions (format, created) and roles.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin RegistryOption registry;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
      List<ModelRegistry.Entry> entries = registry.open().list();
      if (json.enabled()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("registry", StoragePaths.display(registry.root));
        r.put("models", entries);
        System.out.println(Json.write(r));
        return 0;
      }
      if (entries.isEmpty()) {
        System.out.println("no models in " + StoragePaths.display(registry.root));
      }
      for (ModelRegistry.Entry e : entries) {
        System.out.println(e.kind() + "/" + e.name() + "  roles " + e.roles());
        for (ModelRegistry.Version v : e.versions()) {
          System.out.printf(
              "  %-5s %s v%d  created %s%s%n",
              v.version(),
              v.format(),
              v.formatVersion(),
              v.created(),
              v.roles().isEmpty() ? "" : "  <- " + String.join(", ", v.roles()));
        }
      }
      return 0;
    }
  }

  /** {@code vitrina registry push}. */
  @Command(
      name = "push",
      mixinStandardHelpOptions = true,
      description =
          "Verify an artifact's checksums and copy it into the model's next version (vN).")
  static final class PushCommand implements Callable<Integer> {
    @Mixin RegistryOption registry;

    @Parameters(index = "0", paramLabel = "KIND", description = "Model kind, e.g. recs.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "Model name, e.g. shop.")
    String name;

    @Parameters(
        index = "2",
        paramLabel = "ARTIFACT",
        description = "An artifact directory or a model home (its current version is pushed).")
    Path artifact;

    @Option(
        names = "--promote",
        paramLabel = "ROLE",
        description = "Also point this role at the new version.")
    String promote;

    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
      ModelRegistry reg = registry.open();
      String version = reg.push(kind, name, artifact);
      if (promote != null) {
        reg.promote(kind, name, version, promote);
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("model", kind + "/" + name);
      r.put("version", version);
      r.put("role", promote);
      json.print(
          r,
          "pushed "
              + kind
              + "/"
              + name
              + " "
              + version
              + (promote == null ? "" : "\n" + promote + " -> " + version));
      return 0;
    }
  }

  /** {@code vitrina registry promote}. */
  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = "Point a role (default production) at a version.")
  static final class PromoteCommand implements Callable<Integer> {
    @Mixin RegistryOption registry;

    @Parameters(index = "0", paramLabel = "KIND")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2", paramLabel = "VERSION", description = "e.g. v2")
    String version;

    @Option(names = "--role", defaultValue = "production", description = "Default: production.")
    String role;

    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
      registry.open().promote(kind, name, version, role);
      json.print(
          Map.of("model", kind + "/" + name, "role", role, "version", version),
          kind + "/" + name + " " + role + " -> " + version);
      return 0;
    }
  }

  /** {@code vitrina registry rollback}. */
  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Point a role (default production) back at its previous version.")
  static final class RollbackCommand implements Callable<Integer> {
    @Mixin RegistryOption registry;

    @Parameters(index = "0", paramLabel = "KIND")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Option(names = "--role", defaultValue = "production", description = "Default: production.")
    String role;

    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
      String v = registry.open().rollback(kind, name, role);
      json.print(
          Map.of("model", kind + "/" + name, "role", role, "version", v),
          kind + "/" + name + " " + role + " -> " + v);
      return 0;
    }
  }
}
