package dev.vitrina.core.table;

import dev.vitrina.core.validate.ValidationReport;
import java.util.Map;

/**
 * Rows that broke a rule, read under {@link BadRowPolicy#FAIL}: invalid input. The message names
 * the file, how many rows broke which rule, and the first of them with row, column and value.
 */
public final class BadRowsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;
  private final String rowWord;
  private final String parameter;
  private final String value;

  BadRowsException(ValidationReport report, String rowWord, String parameter, String value) {
    super(message(report, rowWord, fix(parameter + " = " + value)));
    this.report = report;
    this.rowWord = rowWord;
    this.parameter = parameter;
    this.value = value;
  }

  /** An exception whose fix is free text (no single parameter lets the rows through). */
  BadRowsException(ValidationReport report, String rowWord, String fix) {
    super(message(report, rowWord, fix));
    this.report = report;
    this.rowWord = rowWord;
    this.parameter = null;
    this.value = null;
  }

  /** The library parameter that lets bad rows through (e.g. {@code badRows}), or null. */
  public String parameter() {
    return parameter;
  }

  /** The value of {@link #parameter()} that skips and counts bad rows. */
  public String value() {
    return value;
  }

  private static String fix(String setting) {
    return "Fix these rows, or skip and count them (" + setting + ").";
  }

  /** The report of the whole read. */
  public ValidationReport report() {
    return report;
  }

  private static String message(ValidationReport r, String rowWord, String fix) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.file())
        .append(": ")
        .append(r.rowsRejected())
        .append(" of ")
        .append(r.rowsRead())
        .append(" rows are invalid");
    r.rejectedByReason().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sb.append("\n  ").append(e.getValue()).append(" x ").append(e.getKey()));
    sb.append("\nfirst:");
    r.issues().stream()
        .limit(10)
        .forEach(
            i ->
                sb.append("\n  ")
                    .append(rowWord)
                    .append(' ')
                    .append(i.row())
                    .append(", column '")
                    .append(i.column())
                    .append("': ")
                    .append(i.reason())
                    .append(" (value: '")
                    .append(i.value())
                    .append("')"));
    if (fix != null && !fix.isEmpty()) {
      sb.append("\n").append(fix);
    }
    return sb.toString();
  }
}
