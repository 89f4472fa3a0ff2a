package org.gitterjakarta.api.stream;

import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitterjakarta.api.errors.RoomRefusals;
import org.gitterjakarta.api.security.AccessTokens;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.Caller;

/**
 * Gitter's HTTP streaming API: {@code /api/stream/v1/rooms/:roomId/chatMessages} and {@code
 * .../events}. Same tokens and read rules as REST; the response never ends and carries one JSON
 * object per line per new item. Asynchronous, so idle streams hold no thread.
 */
@WebServlet(urlPatterns = "/stream/v1/rooms/*", asyncSupported = true)
public class StreamServlet extends HttpServlet {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;
  private static final Pattern PATH = Pattern.compile("/([0-9a-f]{24})/(chatMessages|events)");

  @Inject transient Tokens tokens;
  @Inject transient Rooms rooms;
  @Inject transient Streams streams;
  @Inject transient RoomRefusals refusals;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
    if (!path.matches()) {
      error(response, 404, "Not found");
      return;
    }
    String roomId = path.group(1);
    String token =
        AccessTokens.find(
                request.getHeader("Authorization"),
                request.getHeader("x-access-token"),
                request.getParameter("access_token"))
            .orElse(null);
    Caller caller = token == null ? null : tokens.resolve(token).orElse(null);
    if (caller == null) {
      error(response, 401, "Unauthorized");
      return;
    }
    try {
      rooms.readable(caller.userId(), roomId);
    } catch (Problem refused) {
      Problem shown = refusals.asGitterWould(refused, roomId, caller.userId());
      error(response, shown.kind().status(), shown.getMessage());
      return;
    }
    String channel =
        path.group(2).equals("chatMessages")
            ? Channels.roomMessages(roomId)
            : Channels.roomEvents(roomId);
    response.setContentType("application/json;charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no");
    // registered before the headers go out: a client that sends once it has them misses nothing
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    Stream stream = streams.open(channel, StreamReader.of(caller.userId(), token, roomId), async);
    async.addListener(new Closer(stream));
    response.flushBuffer();
    stream.open();
  }

  private static void error(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=utf-8");
    response.getWriter().write(JSON.createObjectBuilder().add("error", message).build().toString());
  }

  /** The reader went away or the container ends the request: forget the stream. */
  private record Closer(Stream stream) implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      stream.close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      stream.close();
    }

    @Override
    public void onError(AsyncEvent event) {
      stream.close();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // a stream is started once
    }
  }
}
