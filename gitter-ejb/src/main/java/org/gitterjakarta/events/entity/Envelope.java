package org.gitterjakarta.events.entity;

/** Gitter's event envelope: {@code {operation: create|update|patch|remove, model}}. */
public record Envelope(String operation, Object model) {

  public static Envelope create(Object model) {
    return new Envelope("create", model);
  }

  public static Envelope update(Object model) {
    return new Envelope("update", model);
  }

  public static Envelope patch(Object model) {
    return new Envelope("patch", model);
  }

  public static Envelope remove(Object model) {
    return new Envelope("remove", model);
  }
}
