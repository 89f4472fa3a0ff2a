package org.gitterjakarta.web.security;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.security.Principal;
import java.util.Objects;

/**
 * A form belongs to the person it was shown to. The view state travels in the page (any web
 * instance can take the post), encrypted and signed, and it names its owner, stamped here as the
 * page renders; a post of it by anyone else (another account, or signed out since) is refused like
 * an expired form and changes nothing ({@link BrokenViewStates} checks as it restores the view).
 */
public class ViewOwners implements PhaseListener {

  private static final long serialVersionUID = 1L;

  static final String OWNER = "gitter.viewOwner";

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RENDER_RESPONSE;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    UIViewRoot view = faces.getViewRoot();
    if (view != null) {
      view.getAttributes().put(OWNER, caller(faces));
    }
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // the check is BrokenViewStates', where a refusal ends the request (a listener's is only
    // logged)
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
