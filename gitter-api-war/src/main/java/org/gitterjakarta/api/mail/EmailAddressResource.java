package org.gitterjakarta.api.mail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.api.security.OwnUser;
import org.gitterjakarta.mail.boundary.EmailAddresses;
import org.gitterjakarta.problems.Problem;

/**
 * {@code /v1/user/me/email} (not Gitter's: it took addresses from GitHub): the address unread
 * digests go to. {@code PUT {email}} sets it and mails a verification link; until that link is
 * followed, {@code verified} is false and no digest is sent.
 */
@RequestScoped
@Path("user/{userId}/email")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmailAddressResource {

  @Inject CurrentCaller caller;
  @Inject EmailAddresses addresses;

  @PathParam("userId")
  String userId;

  public record AddressJson(String email, boolean verified) {}

  @GET
  public AddressJson show() {
    return addresses
        .of(OwnUser.check(caller, userId))
        .map(a -> new AddressJson(a.address(), a.verified()))
        .orElse(new AddressJson(null, false));
  }

  @PUT
  public AddressJson set(JsonObject body) {
    String me = OwnUser.check(caller, userId);
    if (body == null) {
      throw Problem.invalid("A JSON body is required");
    }
    var set = addresses.set(me, Bodies.requiredString(body, "email"));
    return new AddressJson(set.address(), set.verified());
  }

  @DELETE
  public AddressJson remove() {
    addresses.remove(OwnUser.check(caller, userId));
    return new AddressJson(null, false);
  }
}
