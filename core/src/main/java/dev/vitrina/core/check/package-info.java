/** Argument and configuration checks whose messages state the rule, the bad value and a fix. */
package dev.vitrina.core.check;
