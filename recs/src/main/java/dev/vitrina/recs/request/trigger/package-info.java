/**
 * Trigger-induced feeds: the user just acted on item T (the trigger), and the feed that opens
 * follows T's intent when T is new to the user and the user's long-term profile when T is habitual.
 * {@link dev.vitrina.recs.request.trigger.TriggerSource} proposes the items most like T; {@link
 * dev.vitrina.recs.request.trigger.TriggerBlend} blends T-similarity with the model's profile
 * score, with a per-request weight read from an {@link
 * dev.vitrina.recs.request.trigger.IntentMapping} of the request's {@link
 * dev.vitrina.recs.request.trigger.IntentScore}. docs/formulations.md ("Trigger-induced feeds") has
 * the measured protocol and the fitted defaults.
 */
package dev.vitrina.recs.request.trigger;
