package dev.vitrina.core.check;

/**
 * A parameter value that breaks its rule. The library names its own parameter ({@code
 * rowsPerGroup}, {@code num_leaves}); a front end (the command line, an HTTP service) maps that
 * name to its own spelling ({@code --row-group-rows}, a query parameter) with {@link #parameter()}
 * and {@link #problem()}.
 */
public final class ParameterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final String problem;

  /**
   * An exception whose message is {@code parameter + " " + problem}.
   *
   * @param parameter the library's name of the parameter
   * @param problem the rule and the bad value, e.g. "must be >= 1, got 0"
   */
  public ParameterException(String parameter, String problem) {
    super(parameter + " " + problem);
    this.parameter = parameter;
    this.problem = problem;
  }

  /** The library's name of the parameter. */
  public String parameter() {
    return parameter;
  }

  /** The rule and the bad value, without the parameter's name. */
  public String problem() {
    return problem;
  }
}
