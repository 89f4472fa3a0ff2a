/**
 * Storage of rooms and memberships (troupes, troupeusers) and the gathering of facts for access
 * decisions. Counts of unread items belong to the unread feature.
 */
package org.gitterjakarta.rooms.control;
