/** One shared JSON mapper for manifests, reports and {@code --json} output. */
package dev.vitrina.core.json;
