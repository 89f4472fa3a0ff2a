package org.gitterjakarta.api.presence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.presence.boundary.Presence;
import org.gitterjakarta.problems.Problem;

/** {@code POST /v1/eyeballs {socketId, on}}: the web client's window gained or lost attention. */
@RequestScoped
@Path("eyeballs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EyeballsResource {

  @Inject CurrentCaller caller;
  @Inject Presence presence;

  @POST
  public Map<String, Boolean> eyeballs(JsonObject body) {
    presence.eyeballs(caller.userId(), Bodies.requiredString(body, "socketId"), on(body));
    return Map.of("success", true);
  }

  /** Gitter's clients send {@code on} as 1/0, "1"/"0" or a boolean. */
  private static boolean on(JsonObject body) {
    JsonValue value = body.get("on");
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    if (value instanceof JsonNumber number) {
      return number.intValue() != 0;
    }
    if (value instanceof JsonString text && (text.getString().matches("[01]"))) {
      return text.getString().equals("1");
    }
    throw Problem.invalid("on must be 1 or 0");
  }
}
