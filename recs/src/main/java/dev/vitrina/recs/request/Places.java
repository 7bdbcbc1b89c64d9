package dev.vitrina.recs.request;

import dev.vitrina.core.geo.GeoPoint;
import java.util.List;
import java.util.Optional;

/** The named locations of users ({@code home}, {@code office}, ...), given or inferred. */
public interface Places {

  /** The names of dense user {@code user}'s locations, most used first (empty when none). */
  List<String> names(int user);

  /** The point of {@code user}'s location {@code name}, if the user has it. */
  Optional<GeoPoint> place(int user, String name);

  /** No user has a named location. */
  static Places none() {
    return new Places() {
      @Override
      public List<String> names(int user) {
        return List.of();
      }

      @Override
      public Optional<GeoPoint> place(int user, String name) {
        return Optional.empty();
      }
    };
  }
}
