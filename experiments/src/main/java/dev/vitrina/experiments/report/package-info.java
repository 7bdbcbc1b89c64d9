/**
 * A self-contained HTML report of an analysis (inline SVG, no scripts, no external files): the SRM
 * verdict first, then the effects with their intervals. Start at {@link
 * dev.vitrina.experiments.report.HtmlReport}.
 */
package dev.vitrina.experiments.report;
