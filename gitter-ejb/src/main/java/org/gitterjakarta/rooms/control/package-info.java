/**
 * Storage of rooms, of who is in them (troupeusers) and who is banned from them (troupebans), and
 * the gathering of those facts for access decisions: the records every room feature reads, kept
 * here so that the features above depend on them one way.
 */
package org.gitterjakarta.rooms.control;
