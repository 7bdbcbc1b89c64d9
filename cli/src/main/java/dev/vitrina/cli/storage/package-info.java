/** {@code vitrina storage}: list and copy folders between local disks and object stores. */
package dev.vitrina.cli.storage;
