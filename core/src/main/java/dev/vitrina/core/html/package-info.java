/** HTML helpers shared by the reports of every module. */
package dev.vitrina.core.html;
