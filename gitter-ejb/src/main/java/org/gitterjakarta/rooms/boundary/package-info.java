/**
 * The room itself: create in a community, resolve a uri (community room or one-to-one), change,
 * delete, and the rights check every other feature starts from ({@code readable}: a room the caller
 * may not read is "not found"). Joining and leaving are the memberships feature's; what a client
 * sees of a room is the roomviews feature's.
 */
package org.gitterjakarta.rooms.boundary;
