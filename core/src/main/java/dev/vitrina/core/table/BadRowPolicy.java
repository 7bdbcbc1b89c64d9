package dev.vitrina.core.table;

/** What a reader does with a malformed row. Nothing is ever dropped silently. */
public enum BadRowPolicy {
  /** Stop at the end of the file with an error listing the count and the first bad rows. */
  FAIL,
  /**
   * Skip bad rows; their count and the first few are in the {@link
   * dev.vitrina.core.validate.ValidationReport}.
   */
  SKIP_AND_REPORT
}
