/** The chat message routes of API v1, under {@code /v1/rooms/:roomId/chatMessages}. */
package org.gitterjakarta.api.messages;
