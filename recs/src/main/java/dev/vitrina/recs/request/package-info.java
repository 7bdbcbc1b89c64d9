/**
 * The request pipeline: one recommendation request ({@link dev.vitrina.recs.request.RecRequest})
 * goes through candidate sources (the fitted models), then re-rankers (interest allocation,
 * location, trigger), then filters, and comes back as a ranked list in which every item carries its
 * score and the reasons it is there ({@link dev.vitrina.recs.request.RecResponse}). The page
 * composer and the HTTP service call exactly this pipeline.
 */
package dev.vitrina.recs.request;
