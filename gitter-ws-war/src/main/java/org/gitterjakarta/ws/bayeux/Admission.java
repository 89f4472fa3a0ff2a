package org.gitterjakarta.ws.bayeux;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this instance takes one more client ({@link SocketAdmission}): asked before a websocket
 * is upgraded and before a long-polling client's handshake reaches CometD. A refusal is a 503 with
 * {@code Retry-After} that closes the connection, so a refused client holds no file while it waits;
 * Faye's clients refused a websocket fall back to long-polling, which is refused in turn only when
 * the files run short. A run of refusals is logged when it starts and when it is over.
 */
@ApplicationScoped
public class Admission {

  static final String RETRY_AFTER_SECONDS = "10";
  private static final System.Logger LOGGER = System.getLogger(Admission.class.getName());

  @Inject
  @ConfigProperty(name = "gitter.ws.max-sockets", defaultValue = "0")
  int maxSockets;

  @Inject
  @ConfigProperty(name = "gitter.ws.file-reserve", defaultValue = "1000")
  long fileReserve;

  private SocketAdmission rules;

  /** How long no refusal ends a run of them: a full instance hovers at its limit for a while. */
  static final long QUIET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

  private final Trouble refusingSockets = refusing("websockets");
  private final Trouble refusingClients = refusing("long-polling clients");

  private static Trouble refusing(String what) {
    return new Trouble(LOGGER, "Refusing new " + what, QUIET_NANOS, System::nanoTime);
  }

  /**
   * Created at deployment, not at the first client: a wrong setting fails the deployment, and the
   * limits in force are in the log.
   */
  void createdAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
    // the call itself creates the bean
  }

  @PostConstruct
  void readSettings() {
    rules = SocketAdmission.forThisProcess(maxSockets, fileReserve);
    LOGGER.log(System.Logger.Level.INFO, "Bayeux clients: " + rules);
    if (rules.reservesHalfTheFiles()) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Bayeux clients: the open-files reserve (gitter.ws.file-reserve) is half the process's"
              + " limit or more; raise the limit (ulimit -n) or lower the reserve");
    }
  }

  /** Whether a websocket upgrade may go on; if not, {@code response} has been answered 503. */
  boolean admitsWebsocket(ServletContext context, HttpServletResponse response) throws IOException {
    return admits(
        rules.refusal(openSockets(context)),
        refusingSockets,
        response,
        "{\"error\":\"This server takes no more websockets now; try again later or use"
            + " long-polling\"}");
  }

  /**
   * Whether a new long-polling client (a handshake; a client already here is never asked) may come
   * in: refused only when the files run short; if so, {@code response} has been answered 503.
   */
  boolean admitsNewClient(ServletContext context, HttpServletResponse response) throws IOException {
    return admits(
        rules.fileRefusal(openSockets(context)),
        refusingClients,
        response,
        "[{\"channel\":\"/meta/handshake\",\"successful\":false,\"error\":\"503::This server takes"
            + " no more clients now\",\"advice\":{\"reconnect\":\"handshake\",\"interval\":"
            + RETRY_AFTER_SECONDS
            + "000}}]");
  }

  /** No refusal ends a run of them; a refusal is logged with its run and answered {@code body}. */
  private static boolean admits(
      Optional<String> refusal, Trouble refusing, HttpServletResponse response, String body)
      throws IOException {
    if (refusal.isEmpty()) {
      refusing.over();
      return true;
    }
    refusing.happened(refusal.get());
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    response.setHeader("Connection", "close");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(body);
    return false;
  }

  /** The websockets open now; none before CometD has started its transport. */
  private static int openSockets(ServletContext context) {
    return context.getAttribute(BayeuxServer.ATTRIBUTE) instanceof BayeuxServer bayeux
            && bayeux.getTransport("websocket") instanceof WebSocketTransport sockets
        ? sockets.openSockets()
        : 0;
  }
}
