/** Live events: what changed, in Gitter's envelopes ({@code {operation, model}}). */
package org.gitterjakarta.events.entity;
