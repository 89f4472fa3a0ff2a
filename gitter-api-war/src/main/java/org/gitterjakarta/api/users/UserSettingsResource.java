package org.gitterjakarta.api.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.requests.JsonBodies;
import org.gitterjakarta.api.requests.JsonValues;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.api.security.OwnUser;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.memberships.boundary.NotificationSettingsJson;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.settings.boundary.UserSettings;

/** {@code /v1/user/:userId/settings...} and a room's notification settings. */
@RequestScoped
@Path("user/{userId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserSettingsResource {

  @Inject CurrentCaller caller;
  @Inject UserSettings settings;
  @Inject NotificationSettings notifications;

  @PathParam("userId")
  String userId;

  /** One key answers its value; several (comma-separated) answer {@code {key: value}}. */
  @GET
  @Path("settings/{keys}")
  public JsonValue read(@PathParam("keys") String keys) {
    List<String> names =
        Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    Map<String, Object> values = settings.read(OwnUser.check(caller, userId), names);
    return names.size() == 1
        ? JsonValues.toJson(values.get(names.get(0)))
        : JsonValues.toJson(values);
  }

  @PUT
  @Path("settings/{key}")
  public JsonValue write(@PathParam("key") String key, InputStream body) throws IOException {
    JsonValue value = JsonBodies.read(body);
    String me = OwnUser.check(caller, userId);
    var values = new LinkedHashMap<String, Object>();
    values.put(key, value == null ? null : JsonValues.toJava(value));
    settings.write(me, values);
    return JsonValues.toJson(settings.read(me, List.of(key)).get(key));
  }

  @POST
  @Path("settings")
  public JsonValue writeMany(JsonObject body) {
    String me = OwnUser.check(caller, userId);
    if (body == null) {
      throw Problem.invalid("A JSON body is required");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) JsonValues.toJava(body);
    settings.write(me, values);
    return JsonValues.toJson(settings.read(me, List.copyOf(values.keySet())));
  }

  @GET
  @Path("rooms/{roomId}/settings/notifications")
  public NotificationSettingsJson notifications(@PathParam("roomId") String roomId) {
    return notifications.get(OwnUser.check(caller, userId), roomId);
  }

  /** {@code {mode}}, or the legacy {@code {push}}. */
  @PUT
  @Path("rooms/{roomId}/settings/notifications")
  public NotificationSettingsJson changeNotifications(
      @PathParam("roomId") String roomId, JsonObject body) {
    String me = OwnUser.check(caller, userId);
    String mode = Bodies.optionalString(body, "mode");
    if (mode == null) {
      mode = Bodies.optionalString(body, "push");
    }
    if (mode == null) {
      throw Problem.invalid("mode is required");
    }
    return notifications.change(me, roomId, mode);
  }
}
