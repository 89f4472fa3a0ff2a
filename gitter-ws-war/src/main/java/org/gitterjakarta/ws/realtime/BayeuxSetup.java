package org.gitterjakarta.ws.realtime;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.annotation.WebListener;
import org.cometd.bayeux.server.BayeuxServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes CometD's Bayeux server Gitter's once the servlet has created it: security policy, reply
 * extension, client bookkeeping and presence, and the live fan-out from Redis.
 */
@WebListener
public class BayeuxSetup implements ServletContextAttributeListener {

  private static final System.Logger LOGGER = System.getLogger(BayeuxSetup.class.getName());

  @Inject GitterSecurityPolicy policy;
  @Inject Replies replies;
  @Inject LocalClients clients;
  @Inject LiveFanout fanout;
  @Inject PresenceKeeper keeper;
  @Inject ConnectRechecks rechecks;
  @Inject DeliveryMetrics metrics;
  @Inject TypingNotices typing;
  @Inject RealtimeWarmUp warmUp;

  @Inject
  @ConfigProperty(name = "gitter.ws.max-queue", defaultValue = "1000")
  int maxQueue;

  @Override
  public void attributeAdded(ServletContextAttributeEvent event) {
    if (BayeuxServer.ATTRIBUTE.equals(event.getName())
        && event.getValue() instanceof BayeuxServer bayeux) {
      bayeux.setSecurityPolicy(policy);
      bayeux.addExtension(replies);
      bayeux.addExtension(rechecks);
      clients.attach(bayeux, maxQueue);
      typing.attach(bayeux);
      metrics.attach(clients);
      fanout.start(bayeux);
      keeper.start();
      warmUp.start(bayeux, event.getServletContext().getContextPath());
      LOGGER.log(System.Logger.Level.INFO, "Bayeux ready: Gitter channels, live fan-out on");
    }
  }
}
