/**
 * The chat message use cases: send (with markdown, mentions and threads), history with Gitter's
 * cursors, single messages and threads, edit within the window, delete. Every change is stored
 * first and then published once as a live event.
 */
package org.gitterjakarta.messages.boundary;
