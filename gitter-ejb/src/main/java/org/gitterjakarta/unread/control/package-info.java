/**
 * Unread state in Redis (persist role): items and mentions per person and room, badges. Who gets an
 * unread item is decided by the boundary; this package only keeps counts straight.
 */
package org.gitterjakarta.unread.control;
