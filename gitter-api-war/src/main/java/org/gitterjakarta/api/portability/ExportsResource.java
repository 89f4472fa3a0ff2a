package org.gitterjakarta.api.portability;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.gitterjakarta.api.requests.IdParameters;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.api.security.OwnUser;
import org.gitterjakarta.portability.boundary.Export;
import org.gitterjakarta.portability.boundary.Exports;

/**
 * Downloads as Gitter answered them: {@code application/x-ndjson} (406 for a client that accepts
 * neither it nor anything), an attachment named after the kind, written while it is read. Every
 * check (own user, room admin, rate) is made before the first byte, so refusals are JSON errors.
 */
@RequestScoped
@Path("export")
@Authenticated
@Produces(Export.MEDIA_TYPE)
public class ExportsResource {

  private static final System.Logger LOGGER = System.getLogger(ExportsResource.class.getName());

  @Inject CurrentCaller caller;
  @Inject Exports exports;

  @GET
  @Path("user/{userId}/{kind}.ndjson")
  public Response person(@PathParam("userId") String userId, @PathParam("kind") String kind) {
    return download(exports.ofPerson(OwnUser.check(caller, userId), kind));
  }

  @GET
  @Path("rooms/{roomId}/{kind}.ndjson")
  public Response room(@PathParam("roomId") String roomId, @PathParam("kind") String kind) {
    IdParameters.check("roomId", roomId);
    return download(exports.ofRoom(caller.userId(), roomId, kind));
  }

  private static Response download(Export export) {
    StreamingOutput body =
        out -> {
          try {
            export.body().writeTo(out);
          } catch (IOException | UncheckedIOException closed) {
            // the client went away mid-download (as Gitter did, nothing to report)
            LOGGER.log(System.Logger.Level.DEBUG, "Export {0} ended early", export.fileName());
          }
        };
    return Response.ok(body, Export.MEDIA_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
        .header("Cache-Control", "no-store")
        .header("X-Accel-Buffering", "no")
        .build();
  }
}
