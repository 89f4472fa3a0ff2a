package org.gitterjakarta.web.security;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * A posted view state that cannot be read (malformed, truncated, encrypted with another key), or
 * that was shown to someone else ({@link ViewOwners}), is an expired form, answered 400, not a
 * server error and not an action: the view state travels in the page, so whatever a client sends is
 * decrypted and checked here first.
 */
public class BrokenViewStates extends ViewHandlerWrapper {

  public BrokenViewStates(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public UIViewRoot restoreView(FacesContext context, String viewId) {
    UIViewRoot restored;
    try {
      restored = getWrapped().restoreView(context, viewId);
    } catch (ViewExpiredException expired) {
      throw expired;
    } catch (RuntimeException unreadable) {
      throw new ViewExpiredException("The form's state cannot be read", unreadable, viewId);
    }
    if (context.isPostback()) {
      ViewOwners.checkOwner(context, restored);
    }
    return restored;
  }
}
