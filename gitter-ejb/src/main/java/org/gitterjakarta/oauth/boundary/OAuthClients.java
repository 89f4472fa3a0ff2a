package org.gitterjakarta.oauth.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.bson.types.ObjectId;
import org.gitterjakarta.oauth.control.OAuthClientRepository;
import org.gitterjakarta.oauth.entity.OAuthClient;
import org.gitterjakarta.oauth.entity.RegisteredClient;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.TokenValues;

/** A user's own OAuth apps: register, list, delete (which revokes every token of the app). */
@Stateless
public class OAuthClients {

  private static final System.Logger LOGGER = System.getLogger(OAuthClients.class.getName());
  static final int MAX_NAME_LENGTH = 100;

  @Inject OAuthClientRepository clients;
  @Inject Tokens tokens;

  public RegisteredClient register(String ownerId, String name, String redirectUri) {
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
      throw Problem.invalid("name is required (100 characters at most)");
    }
    checkRedirectUri(redirectUri);
    String secret = TokenValues.generate();
    var client =
        new OAuthClient(
            new ObjectId().toHexString(),
            name.strip(),
            TokenValues.generate(),
            TokenValues.hash(secret),
            redirectUri,
            ownerId,
            System.currentTimeMillis());
    clients.insert(client);
    LOGGER.log(
        System.Logger.Level.INFO, "OAuth client {0} registered by {1}", client.id(), ownerId);
    return new RegisteredClient(client, secret);
  }

  public List<OAuthClient> list(String ownerId) {
    return clients.findByOwnerUserId(ownerId);
  }

  public void delete(String ownerId, String clientId) {
    OAuthClient client =
        clients
            .findById(clientId == null ? "" : clientId)
            .orElseThrow(() -> Problem.notFound("OAuth client not found"));
    if (!client.ownerUserId().equals(ownerId)) {
      throw Problem.notAllowed("This OAuth client is someone else's");
    }
    clients.delete(client);
    tokens.revokeClient(client.id());
    LOGGER.log(System.Logger.Level.INFO, "OAuth client {0} deleted by {1}", client.id(), ownerId);
  }

  private static final java.util.Set<String> LOOPBACK_HOSTS =
      java.util.Set.of("localhost", "127.0.0.1", "[::1]");

  static void checkRedirectUri(String redirectUri) {
    try {
      URI uri = new URI(redirectUri == null ? "" : redirectUri);
      boolean local = uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost());
      // codes must not travel in clear text except to the developer's own machine
      boolean web = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local);
      if (!web || uri.getHost() == null || uri.getFragment() != null) {
        throw Problem.invalid(
            "registeredRedirectUri must be an https URI (http only on localhost), without fragment");
      }
    } catch (java.net.URISyntaxException e) {
      throw Problem.invalid("registeredRedirectUri is not a valid URI");
    }
  }
}
