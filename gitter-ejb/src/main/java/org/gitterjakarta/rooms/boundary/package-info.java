/**
 * The room use cases: create in a community, resolve a uri (community room or one-to-one), change,
 * delete; and membership: join, leave, kick, favourite, hide, list. Each call decides the caller's
 * rights first (RoomAccess); a room the caller may not read is "not found".
 */
package org.gitterjakarta.rooms.boundary;
