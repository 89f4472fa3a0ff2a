package org.gitterjakarta.web.pages;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Answers a page gives instead of rendering itself. */
public final class Responses {

  private Responses() {}

  /** 404 with the not-found page: also for what exists but is not the visitor's to see. */
  public static void notFound(FacesContext faces) {
    try {
      faces.getExternalContext().responseSendError(404, "Not found");
      faces.responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A redirect to a path of this application (post-redirect-get, canonical addresses). */
  public static void redirect(FacesContext faces, String path) {
    try {
      var context = faces.getExternalContext();
      context.redirect(context.getRequestContextPath() + path);
      faces.responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
