package org.gitterjakarta.api.requests;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;
import org.gitterjakarta.problems.Problem;

/**
 * Gitter checks the shape of a room id before anything else and answers a malformed one 400; we do
 * the same for every id in a path (Gitter lets a malformed community or message id fail with a
 * 500). Runs after authentication, as Gitter's id loaders do.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class IdParameters implements ContainerRequestFilter {

  static final List<String> ID_PARAMETERS = List.of("roomId", "groupId", "clientId", "messageId");
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
    for (String name : ID_PARAMETERS) {
      String value = parameters.getFirst(name);
      if (value != null) {
        check(name, value);
      }
    }
  }

  /** A 24-hex id, or Gitter's 400 naming the parameter. */
  public static String check(String name, String value) {
    if (!OBJECT_ID.matcher(value).matches()) {
      throw Problem.invalid("Invalid MongoId: " + name + " must be 24 hexadecimal characters");
    }
    return value;
  }
}
