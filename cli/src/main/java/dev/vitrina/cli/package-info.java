/**
 * The {@code vitrina} command line: thin picocli commands over the Java API. Every command that
 * reports figures accepts {@code --json} and then prints exactly one JSON object on stdout.
 */
package dev.vitrina.cli;
