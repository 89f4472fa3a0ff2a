package org.gitterjakarta.messages.control;

import java.util.Set;

/**
 * Which messages of a room one person has not read yet, for the {@code unread} mark on history. The
 * unread feature keeps them and implements this: it builds on messages, so messages asks through an
 * interface of its own rather than depending back on it.
 */
public interface UnreadMarks {

  Set<String> unreadIn(String userId, String roomId);
}
