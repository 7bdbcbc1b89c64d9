/** A marketplace data directory: stores, items, calendar and prices beside the sales file. */
package dev.vitrina.demand.data;
