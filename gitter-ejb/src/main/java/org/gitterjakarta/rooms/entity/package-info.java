/**
 * Rooms and who is in them: community rooms and one-to-one conversations, their security, and
 * memberships with favourite position, last access and notification flags. The rules of who may
 * read, join, write and administer a room are in the control package's RoomAccess.
 */
package org.gitterjakarta.rooms.entity;
