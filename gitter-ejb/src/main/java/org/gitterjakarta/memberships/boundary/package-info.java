/**
 * A person's memberships: join, add someone, leave or kick, hide, favourite, last access, the
 * member lists, and the per-room notification modes.
 */
package org.gitterjakarta.memberships.boundary;
