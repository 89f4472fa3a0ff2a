/**
 * The checkout's {@code gitter} launcher script, run as its users run it: {@code ./gitter run}
 * instances that are ready when {@code /health/ready} says so and stop on SIGTERM as on Ctrl-C, and
 * one-shot commands such as {@code ./gitter user add}. Only the {@code GITTER_} variables a caller
 * gives reach the script.
 */
package org.gitterjakarta.testsupport.launcher;
