/**
 * Conventions of Gitter's JSON shared by the REST API and the realtime events: dates, and the rule
 * that a field without a value is left out. The shapes themselves sit with their features ({@code
 * *Json} records in the boundaries), because the same JSON goes to REST clients and, as event
 * models, to sockets.
 */
package org.gitterjakarta.wire;
