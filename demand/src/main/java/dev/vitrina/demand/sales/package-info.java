/** Reading sales safely from CSV or Parquet: validation, duplicates, and a report of every row. */
package dev.vitrina.demand.sales;
