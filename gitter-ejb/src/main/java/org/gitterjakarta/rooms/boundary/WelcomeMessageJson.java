package org.gitterjakarta.rooms.boundary;

/** {@code {welcomeMessage: {text, html}}}; empty strings when a room has none. */
public record WelcomeMessageJson(Message welcomeMessage) {

  public record Message(String text, String html) {}

  static WelcomeMessageJson of(String text, String html) {
    return new WelcomeMessageJson(new Message(text == null ? "" : text, html == null ? "" : html));
  }
}
