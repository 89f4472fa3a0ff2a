/**
 * The unread use cases of a person: unread items and mentions per room, marking them read, the
 * aggregate over rooms. Which messages become unread for whom is decided in the control package
 * when a message is stored.
 */
package org.gitterjakarta.unread.boundary;
