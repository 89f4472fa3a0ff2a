package org.gitterjakarta.web.security;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.security.Principal;
import java.util.Objects;

/**
 * A form belongs to the person it was shown to. The view state travels in the page (any web
 * instance can take the post), encrypted and signed, and it names its owner, stamped here just
 * before the view renders (after the view is built, so the stamp is part of the saved state); a
 * post of it by anyone else (another account, or signed out since) is refused like an expired form
 * and changes nothing ({@link BrokenViewStates} checks as it restores the view).
 */
public class ViewOwners implements SystemEventListener {

  static final String OWNER = "gitter.viewOwner";

  @Override
  public boolean isListenerForSource(Object source) {
    return source instanceof UIViewRoot;
  }

  /** PreRenderViewEvent: the view about to render is the current person's. */
  @Override
  public void processEvent(SystemEvent event) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ((UIViewRoot) event.getSource()).getAttributes().put(OWNER, caller(faces));
  }

  /** Refuses a restored view shown to someone other than the request's person. */
  static void checkOwner(FacesContext faces, UIViewRoot view) {
    // a view made afresh (an error page shown for a post) has no owner yet: nothing to compare
    Object owner = view == null ? null : view.getAttributes().get(OWNER);
    if (owner != null && !Objects.equals(owner, caller(faces))) {
      throw new ViewExpiredException("The form was shown to someone else", view.getViewId());
    }
  }

  private static String caller(FacesContext faces) {
    Principal caller = faces.getExternalContext().getUserPrincipal();
    return caller == null ? "" : caller.getName();
  }
}
