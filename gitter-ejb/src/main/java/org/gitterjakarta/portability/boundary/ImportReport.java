package org.gitterjakarta.portability.boundary;

/**
 * What an import did: the room, how many messages the file held, how many were stored now (the rest
 * were there from an earlier run), and how many placeholder accounts were made.
 */
public record ImportReport(
    String roomId, String roomUri, boolean roomCreated, long read, long stored, int placeholders) {}
