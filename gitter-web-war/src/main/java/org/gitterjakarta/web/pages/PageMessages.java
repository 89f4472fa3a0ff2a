package org.gitterjakarta.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.gitterjakarta.problems.Problem;

/**
 * What a page tells the person about the action they posted, above its form. An action the domain
 * refuses shows the {@link Problem}'s message, written for people, as an error, and the bean
 * carries on as it chooses (usually staying on the page with the input kept); anything else still
 * fails the request, for {@link RefusedPages} or the error page.
 */
@RequestScoped
public class PageMessages {

  @Inject FacesContext faces;

  /** Runs the change: true when it was made, false when refused (the refusal is shown). */
  public boolean attempt(Runnable change) {
    return attempt(
        () -> {
          change.run();
          return true;
        },
        false);
  }

  /** The action's result, or {@code whenRefused} when the domain refuses it (the refusal shown). */
  public <T> T attempt(Supplier<T> action, T whenRefused) {
    try {
      return action.get();
    } catch (Problem refused) {
      error(refused.getMessage());
      return whenRefused;
    }
  }

  public void info(String text) {
    show(new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  public void error(String text) {
    show(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  /** For the whole page (no client id): the templates show them above the content. */
  void show(FacesMessage message) {
    faces.addMessage(null, message);
  }
}
