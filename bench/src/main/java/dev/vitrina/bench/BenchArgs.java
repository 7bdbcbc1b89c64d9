package dev.vitrina.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} arguments of the benchmark commands. */
public final class BenchArgs {

  private BenchArgs() {}

  /**
   * The arguments as a map from name (without {@code --}) to value, in order.
   *
   * @throws IllegalArgumentException naming the first argument that is not a {@code --name value}
   *     pair
   */
  public static Map<String, String> parse(String[] args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String k = args[i];
      if (!k.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "arguments are --name value pairs (e.g. --threads 2); got '"
                + k
                + "'; see the class documentation");
      }
      m.put(k.substring(2), args[++i]);
    }
    return m;
  }
}
