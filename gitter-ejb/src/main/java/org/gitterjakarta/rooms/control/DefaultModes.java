package org.gitterjakarta.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.gitterjakarta.rooms.entity.NotificationMode;
import org.gitterjakarta.users.control.SettingsStore;

/**
 * A person's default notification mode for rooms they join, kept in their settings as Gitter's
 * {@code defaultRoomMode: {mode, override}}; "all" until changed.
 */
@ApplicationScoped
public class DefaultModes {

  public static final String SETTING = "defaultRoomMode";

  @Inject SettingsStore settings;

  public NotificationMode of(String userId) {
    return settings
        .value(userId, SETTING)
        .filter(Map.class::isInstance)
        .map(v -> ((Map<?, ?>) v).get("mode"))
        .map(String::valueOf)
        .flatMap(NotificationMode::parse)
        .orElse(NotificationMode.ALL);
  }

  /** Flags of a new membership: the default mode, marked as following the default. */
  public int flagsFor(String userId) {
    return of(userId).bits() | NotificationMode.Flags.DEFAULT;
  }
}
