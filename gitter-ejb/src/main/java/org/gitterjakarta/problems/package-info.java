/**
 * How the domain says no: one unchecked {@link org.gitterjakarta.problems.Problem} with a kind
 * (invalid, not allowed, not found, conflict, ...), marked as an application exception so that EJB
 * passes it through unwrapped. Features throw it; the WARs decide how a kind is shown.
 */
package org.gitterjakarta.problems;
