/**
 * The one JSON policy (snake_case names, record component order, non-finite numbers as null, nulls
 * kept, ISO dates, lower-case enums) for results, reports and {@code --json} output.
 */
package dev.vitrina.core.json;
