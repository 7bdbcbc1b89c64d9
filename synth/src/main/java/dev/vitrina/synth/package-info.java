/**
 * A seeded synthetic marketplace: stores, items, a calendar with events, sparse daily sales (only
 * the non-zero rows, as point-of-sale exports look), and users with planted interests who leave
 * interaction events. Same seed, same bytes. The generative process is documented in {@code
 * docs/synthetic-data.md}.
 */
package dev.vitrina.synth;
