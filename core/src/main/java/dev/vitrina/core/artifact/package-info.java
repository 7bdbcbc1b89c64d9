/**
 * Models as artifacts: a directory of files plus a manifest (format, version, parameters, data
 * fingerprint, library version, checksums), written atomically and verified on load.
 */
package dev.vitrina.core.artifact;
