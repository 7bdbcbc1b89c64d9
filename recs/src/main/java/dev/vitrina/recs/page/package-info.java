/**
 * Pages of carousels: row generators propose titled rows of items for a user ({@link
 * dev.vitrina.recs.page.RowGenerator}), and a {@link dev.vitrina.recs.page.PageComposer} decides
 * which rows to show, in which order, and which items go in each, with nothing twice in the visible
 * area. {@link dev.vitrina.recs.page.PageMetrics} scores a page with the two-dimensional nDCG.
 */
package dev.vitrina.recs.page;
