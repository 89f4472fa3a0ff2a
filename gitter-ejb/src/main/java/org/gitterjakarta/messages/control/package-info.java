/**
 * Storage of chat messages with the plain MongoDB driver: the history queries are keyset pages that
 * must use their indexes, and thread counts need atomic increments.
 */
package org.gitterjakarta.messages.control;
