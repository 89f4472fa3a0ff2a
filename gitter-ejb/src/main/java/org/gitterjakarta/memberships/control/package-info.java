/** Keeping membership records consistent when a room or an account goes away. */
package org.gitterjakarta.memberships.control;
