package org.gitterjakarta.api.mail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.gitterjakarta.mail.boundary.EmailAddresses;
import org.gitterjakarta.mail.boundary.Unsubscribes;
import org.gitterjakarta.problems.Problem;

/**
 * The links in mails, which work without sign-in because they are signed: address verification, and
 * the digest's unsubscribe. Unsubscribing takes a POST (RFC 8058's one-click, sent by the mail
 * program, or the button of the page a GET shows), so a link scanner fetching the link changes
 * nothing. Answers are small HTML pages; a bad or expired link is a 400 page for a browser and the
 * API's JSON error for any other client.
 */
@RequestScoped
@Path("email")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class MailLinksResource {

  @Inject EmailAddresses addresses;
  @Inject Unsubscribes unsubscribes;
  @Context HttpHeaders headers;

  @GET
  @Path("verify")
  public Response verify(@QueryParam("token") String token) {
    return page(() -> "<p>Your address " + escape(addresses.verify(token)) + " is verified.</p>");
  }

  @GET
  @Path("unsubscribe")
  public Response confirm(@QueryParam("token") String token) {
    return page(
        () -> {
          unsubscribes.check(token);
          return "<form method=\"post\" action=\"unsubscribe?token="
              + URLEncoder.encode(token, StandardCharsets.UTF_8)
              + "\"><p>Stop the emails about unread messages?</p>"
              + "<button type=\"submit\">Unsubscribe</button></form>";
        });
  }

  @POST
  @Path("unsubscribe")
  public Response unsubscribe(@QueryParam("token") String token) {
    return page(
        () -> {
          unsubscribes.unsubscribe(token);
          return "<p>You will get no more emails about unread messages."
              + " Your settings can turn them on again.</p>";
        });
  }

  private Response page(java.util.function.Supplier<String> body) {
    try {
      return Response.ok(html(body.get())).build();
    } catch (Problem p) {
      if (!browser()) {
        throw p;
      }
      return Response.status(p.kind().status())
          .entity(html("<p>" + escape(p.getMessage()) + "</p>"))
          .build();
    }
  }

  /** A browser names HTML among what it accepts; API clients and scanners do not. */
  private boolean browser() {
    return headers.getAcceptableMediaTypes().stream()
        .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.TEXT_HTML_TYPE));
  }

  private static String html(String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gitter</title>"
        + "</head><body><main>"
        + body
        + "</main></body></html>";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
