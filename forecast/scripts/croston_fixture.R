#!/usr/bin/env Rscript
# Produces the Croston reference fixture: R's forecast::croston on every car parts series.
#
# Usage (from the repository root; needs Debian package r-cran-forecast):
#   Rscript forecast/scripts/croston_fixture.R ../shared/data/carparts/carparts.csv \
#     forecast/src/test/resources/dev/vitrina/forecast/baseline/croston_carparts_r.csv
#
# Output columns: part, n (history length used: the first n months), alpha, forecast (the
# one-step-ahead forecast, equal for every horizon), printed with 17 significant digits. The
# input data is NOT copied: only R's output values are stored. Trailing empty cells of a row
# (series that stop early) are dropped; each series is evaluated at three origins: its full
# length, 6 and 12 months before the end.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
input <- if (length(args) >= 1) args[1] else "../shared/data/carparts/carparts.csv"
output <- if (length(args) >= 2) args[2] else
  "forecast/src/test/resources/dev/vitrina/forecast/baseline/croston_carparts_r.csv"
d <- read.csv(input, check.names = FALSE, colClasses = "character")
rows <- list()
for (r in seq_len(nrow(d))) {
  raw <- as.character(d[r, -1])
  y <- as.numeric(raw[raw != ""])
  for (cut in c(0, 6, 12)) {
    n <- length(y) - cut
    if (n < 1) next
    for (alpha in c(0.1, 0.3)) {
      # croston()$mean is croston2(nofits = TRUE); croston() also computes in-sample fits by
      # refitting every prefix (quadratic, hours for this data), so the point forecast is taken
      # from the internal function, and checked against croston() on every 50th series below.
      f <- forecast:::croston2(ts(y[1:n]), h = 1, alpha = alpha, nofits = TRUE)[1]
      if (r %% 50 == 1) {
        g <- croston(ts(y[1:n]), h = 1, alpha = alpha)$mean[1]
        if (!isTRUE(all.equal(f, g, tolerance = 0))) stop("croston2 and croston disagree on ", d[r, 1])
      }
      rows[[length(rows) + 1]] <- sprintf("%s,%d,%s,%.17g", d[r, 1], n, alpha, f)
    }
  }
}
writeLines(c("part,n,alpha,forecast", unlist(rows)), output)
cat("wrote", length(rows), "rows to", output, "with forecast", as.character(packageVersion("forecast")), "\n")
