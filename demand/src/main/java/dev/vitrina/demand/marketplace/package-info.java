/**
 * A marketplace directory (sales, dimension tables, prices) read as one unit, over the data and
 * sales packages.
 */
package dev.vitrina.demand.marketplace;
