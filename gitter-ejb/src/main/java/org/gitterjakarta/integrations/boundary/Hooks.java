package org.gitterjakarta.integrations.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.integrations.control.EventStore;
import org.gitterjakarta.integrations.control.IntegrationRepository;
import org.gitterjakarta.integrations.entity.Activity;
import org.gitterjakarta.integrations.entity.ActivityEvent;
import org.gitterjakarta.integrations.entity.HookPayloads;
import org.gitterjakarta.integrations.entity.Integration;
import org.gitterjakarta.markdown.control.MarkdownRenderer;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.ratelimits.boundary.RateLimits;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.tokens.entity.TokenValues;

/**
 * A POST to a hook's secret URL: the secret names the integration (and so the room; no token and no
 * room id are taken from the caller), each integration has its own rate limit, and a payload we
 * recognise becomes an activity event, stored and then published on the room's events channel.
 */
@Stateless
public class Hooks {

  private static final System.Logger LOGGER = System.getLogger(Hooks.class.getName());

  @Inject IntegrationRepository integrations;
  @Inject EventStore events;
  @Inject Rooms rooms;
  @Inject RateLimits limits;
  @Inject MarkdownRenderer markdown;
  @Inject LiveEvents live;

  @Inject
  @ConfigProperty(name = "gitter.integrations.rate-limit.requests")
  int limit;

  @Inject
  @ConfigProperty(name = "gitter.integrations.rate-limit.window-ms")
  long windowMillis;

  /**
   * The event stored, or empty for a payload that is known but shows nothing (GitHub's ping). The
   * body is parsed only once the hook is known and within its limit.
   */
  public Optional<EventJson> receive(String secret, String githubEvent, Supplier<JsonValue> body) {
    Integration integration =
        Optional.ofNullable(secret)
            .filter(TokenValues::isWellFormed)
            .flatMap(s -> integrations.findBySecretHash(TokenValues.hash(s)))
            .filter(i -> rooms.find(i.troupeId()).isPresent())
            .orElseThrow(() -> Problem.notFound("Unknown or revoked hook"));
    RateLimits.Allowance allowance = limits.hit("hook:" + integration.id(), limit, windowMillis);
    if (!allowance.allowed()) {
      long wait =
          Math.max(1, (allowance.resetAtMillis() - System.currentTimeMillis() + 999) / 1000);
      throw new TooManyEvents(wait);
    }
    Optional<Activity> activity = HookPayloads.read(githubEvent, body.get());
    return activity.map(a -> store(integration, a));
  }

  private EventJson store(Integration integration, Activity activity) {
    ActivityEvent event =
        new ActivityEvent(
            new ObjectId().toHexString(),
            integration.troupeId(),
            integration.id(),
            activity.text(),
            markdown.render(activity.text()).html(),
            activity.meta(),
            System.currentTimeMillis());
    events.insert(event);
    EventJson json = EventJson.of(event);
    live.publish(Channels.roomEvents(event.toTroupeId()), Envelope.create(json));
    LOGGER.log(
        System.Logger.Level.INFO,
        "Event {0} from integration {1} in {2}",
        event.id(),
        integration.id(),
        event.toTroupeId());
    return json;
  }
}
