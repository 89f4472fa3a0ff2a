/**
 * Chat messages and their mentions. Threads are messages with a {@code parentId}; the parent keeps
 * the count of its replies. Unread state and read-by are other features' business.
 */
package org.gitterjakarta.messages.entity;
