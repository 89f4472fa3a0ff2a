package org.gitterjakarta.events.entity;

/**
 * One change as the realtime service delivers it: the Bayeux channel ({@code /api/v1/rooms/:id/
 * chatMessages}, ...) and the JSON body, serialized once by the writer.
 */
public record LiveEvent(String channel, String json) {}
