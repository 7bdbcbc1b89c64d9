/** Figures about the running process: peak memory and CPU time. */
package dev.vitrina.core.os;
