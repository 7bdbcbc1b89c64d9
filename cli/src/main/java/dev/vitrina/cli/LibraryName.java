package dev.vitrina.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The library's names of the parameter an option sets, where they differ from the option's field
 * and flag ({@code --leaves} sets LightGBM's {@code num_leaves}): an error about that parameter is
 * then reported with the flag.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface LibraryName {
  /** The parameter names used by the library. */
  String[] value();
}
