/** Geographic points and distances, for location-aware ranking. */
package dev.vitrina.core.geo;
