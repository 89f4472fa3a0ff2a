/**
 * Operator commands of the launcher ({@code ./gitter user add}, {@code ./gitter user seed} for
 * benchmark accounts, {@code ./gitter import} of a room's history). They boot the EJB module's
 * beans in CDI SE against the configured stores and call its boundaries, never the collections.
 */
package org.gitterjakarta.cli;
