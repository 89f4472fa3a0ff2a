package org.gitterjakarta.messages.entity;

/**
 * What a desktop notification of a new message shows (Gitter's {@code user_notification}), made
 * once per message: in a room the title is "sender 💬 room" and the link the room's address; in a
 * one-to-one chat the title is the sender and the link their address.
 *
 * @param text the message as written (markdown), as Gitter sent it
 */
public record MessageNotice(String title, String text, String link, String icon, boolean oneToOne) {

  public static MessageNotice of(
      String senderName, String senderUsername, String icon, String roomUri, String text) {
    return roomUri == null
        ? new MessageNotice(senderName, text, "/" + senderUsername, icon, true)
        : new MessageNotice(
            senderName + " \uD83D\uDCAC " + roomUri, text, "/" + roomUri, icon, false);
  }
}
