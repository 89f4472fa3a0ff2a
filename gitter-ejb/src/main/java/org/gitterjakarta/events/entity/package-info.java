/** Live events: what changed, on which Bayeux channel, in Gitter's envelopes. */
package org.gitterjakarta.events.entity;
