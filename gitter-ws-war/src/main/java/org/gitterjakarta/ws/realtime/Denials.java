package org.gitterjakarta.ws.realtime;

import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.ServerMessage;

/**
 * Carries Gitter's error text from a refusal to its reply. CometD answers refusals with its own
 * errors ({@code 403::subscribe_denied}); the reply extension puts Gitter's back.
 */
final class Denials {

  private static final String FIELD = "gitterError";

  private Denials() {}

  /** Notes the error on the reply of the refused request. */
  static void note(ServerMessage request, String error) {
    ServerMessage.Mutable reply = request.getAssociated();
    if (reply != null) {
      reply.put(FIELD, error);
    }
  }

  /** Replaces CometD's error with the noted one; true when there was one. */
  static boolean apply(ServerMessage.Mutable reply) {
    Object error = reply.remove(FIELD);
    if (error == null) {
      return false;
    }
    reply.put(Message.ERROR_FIELD, error);
    return true;
  }
}
