/** Receiving the live events every instance publishes: what realtime endpoints listen to. */
package org.gitterjakarta.events.boundary;
