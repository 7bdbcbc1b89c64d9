/** External string ids mapped once to dense ints; algorithms see only the ints. */
package dev.vitrina.core.ids;
