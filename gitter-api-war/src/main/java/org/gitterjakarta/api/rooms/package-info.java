/** The room routes of API v1: {@code /v1/rooms}, one room, and its members. */
package org.gitterjakarta.api.rooms;
