/**
 * MicroProfile Health for every WAR that carries this module: liveness of the JVM, and readiness
 * that really pings MongoDB and each Redis role. A load balancer stops sending traffic to an
 * instance whose stores are unreachable and resumes when they return, without a restart.
 */
package org.gitterjakarta.health.boundary;
