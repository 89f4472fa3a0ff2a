/**
 * Keeps the health checks to one set per instance (JVM): every WAR carries this module, and Payara
 * lists each WAR's checks, so with three WARs in one Payara Micro each check would be listed three
 * times. The checks themselves are in {@code health.boundary}.
 */
package org.gitterjakarta.health.control;
