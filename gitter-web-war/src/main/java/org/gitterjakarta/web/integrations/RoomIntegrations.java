package org.gitterjakarta.web.integrations;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.gitterjakarta.integrations.boundary.IntegrationJson;
import org.gitterjakarta.integrations.boundary.Integrations;
import org.gitterjakarta.web.pages.PageMessages;
import org.gitterjakarta.web.security.WebSession;

/**
 * A room's incoming webhooks on its settings page. A new hook's URL is shown once, in the answer to
 * its creation (its secret is stored hashed); the boundary checks that the caller is an admin.
 */
@Named
@ViewScoped
public class RoomIntegrations implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebSession session;
  @Inject transient Integrations integrations;
  @Inject PageMessages page;

  private String name;
  private IntegrationJson created;
  private transient List<IntegrationJson> listed;

  public List<IntegrationJson> list(String roomId) {
    if (listed == null) {
      listed = page.attempt(() -> integrations.list(session.userId(), roomId), List.of());
    }
    return listed;
  }

  public void create(String roomId) {
    IntegrationJson made =
        page.attempt(() -> integrations.create(session.userId(), roomId, name), null);
    if (made != null) {
      created = made.at(origin());
      name = null;
      listed = null;
      page.info("Webhook created: copy its URL now, it is not shown again");
    }
  }

  public void revoke(String roomId, String integrationId) {
    if (page.attempt(() -> integrations.revoke(session.userId(), roomId, integrationId))) {
      created = null;
      listed = null;
      page.info("Webhook revoked: its URL no longer works");
    }
  }

  /** The site as the browser reached it (the proxy's scheme and host when there is one). */
  private static String origin() {
    var request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    String scheme = request.getHeader("X-Forwarded-Proto");
    String host = request.getHeader("Host");
    return ("https".equals(scheme) ? scheme : request.getScheme())
        + "://"
        + (host == null ? request.getServerName() + ":" + request.getServerPort() : host);
  }

  public IntegrationJson getCreated() {
    return created;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
