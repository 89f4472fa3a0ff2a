package org.gitterjakarta.api.messages;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.gitterjakarta.api.security.AccessTokens;
import org.gitterjakarta.api.security.RateLimitFilter;
import org.gitterjakarta.lifecycle.Drain;
import org.gitterjakarta.messages.boundary.HistoryQuery;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.ratelimits.boundary.RateLimits;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.Caller;
import org.gitterjakarta.users.boundary.Users;

/**
 * A room's history pages ({@code GET /v1/rooms/:roomId/chatMessages}), the API's busiest read,
 * answered without JAX-RS: in profiles of the history bench Jersey's own stages (routing, the
 * filter chain, body writers, its tracing listener) took a third of such a request. Only the plain
 * case that succeeds is answered here: a token of a live account within its rate limit, the paging
 * parameters of {@link ChatMessagesResource#index} with well-formed values, JSON acceptable, a room
 * the caller may read. Everything else (no or a bad token, the limit reached, a search, a marker, a
 * malformed value, a refusal, a store away, an instance that is stopping) goes on to JAX-RS
 * unchanged, so every error answer is made in one place; the rate-limit hit taken here goes along
 * so it counts once. Registered in web.xml after {@code Cors}, whose headers every answer carries.
 */
public class HistoryFastPath extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String ANSWERED = "gitter_history_pages_answered_ahead_of_jaxrs";

  /** The query parameters answered here; any other sends the request on. */
  static final Set<String> PARAMETERS =
      Set.of(
          "limit",
          "skip",
          "beforeId",
          "afterId",
          "aroundId",
          "includeThreads",
          "lean",
          "lookups",
          "access_token");

  private static final Pattern PATH = Pattern.compile("/v1/rooms/([0-9a-fA-F]{24})/chatMessages");

  @Inject transient Tokens tokens;
  @Inject transient Users users;
  @Inject transient RateLimits limits;
  @Inject transient Messages messages;
  @Inject transient MetricRegistry registry;

  private transient Counter answered;

  @Override
  public void init() {
    answered =
        registry.counter(
            Metadata.builder()
                .withName(ANSWERED)
                .withDescription("History pages answered by the servlet filter, not by JAX-RS")
                .build());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String roomId = roomOf(request);
    Optional<HistoryQuery> query = roomId == null ? Optional.empty() : query(request);
    Optional<String> page = query.flatMap(q -> page(request, roomId, q));
    if (page.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    write(request, response, page.get());
    answered.inc();
  }

  /**
   * The room of a history read this path may answer, or null: a GET of the exact path with only
   * known parameters, JSON acceptable, and none of the headers whose answers JAX-RS makes ({@code
   * If-Match}: 412; a {@code Content-Type} other than JSON: 415).
   */
  static String roomOf(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches()
        || request.getHeader("If-Match") != null
        || !json(request.getHeader("Content-Type"))
        || !acceptsJson(header(request, "Accept"))
        || Drain.stopping()
        || !PARAMETERS.containsAll(Collections.list(request.getParameterNames()))) {
      return null;
    }
    return matcher.group(1);
  }

  private static boolean json(String contentType) {
    return contentType == null || mediaType(contentType).equals("application/json");
  }

  /**
   * Whether an {@code Accept} header takes {@code application/json} for certain: absent, or naming
   * it, all application types or all types, without parameters (a weight sends it to JAX-RS).
   */
  static boolean acceptsJson(String accept) {
    if (accept == null) {
      return true;
    }
    for (String range : accept.split(",")) {
      if (range.contains(";")) {
        continue;
      }
      String type = mediaType(range);
      if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
        return true;
      }
    }
    return false;
  }

  private static String mediaType(String value) {
    int parameters = value.indexOf(';');
    return (parameters < 0 ? value : value.substring(0, parameters))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  /** A header's values joined as JAX-RS joins them, so a repeated header means the same here. */
  static String header(HttpServletRequest request, String name) {
    var values = Collections.list(request.getHeaders(name));
    return values.isEmpty() ? null : String.join(",", values);
  }

  /** The paging asked for, or empty when a value is not what JAX-RS would convert. */
  static Optional<HistoryQuery> query(HttpServletRequest request) {
    try {
      return Optional.of(
          new HistoryQuery(
              number(request.getParameter("limit")),
              number(request.getParameter("skip")),
              request.getParameter("beforeId"),
              request.getParameter("afterId"),
              request.getParameter("aroundId"),
              Boolean.parseBoolean(request.getParameter("includeThreads"))));
    } catch (RuntimeException malformed) { // a number JAX-RS would not convert either
      return Optional.empty();
    }
  }

  private static Integer number(String value) {
    return value == null ? null : Integer.valueOf(value);
  }

  /**
   * The page's text, or empty when JAX-RS is to answer: it refuses, explains, or (a store away)
   * asks the store once more and answers 503.
   */
  private Optional<String> page(HttpServletRequest request, String roomId, HistoryQuery query) {
    try {
      Optional<Caller> caller =
          AccessTokens.find(
                  header(request, "Authorization"),
                  header(request, "x-access-token"),
                  request.getParameter("access_token"))
              .flatMap(tokens::resolve)
              .filter(c -> users.find(c.userId()).isPresent());
      if (caller.isEmpty()) {
        return Optional.empty();
      }
      RateLimits.Allowance allowance =
          limits.hit(RateLimitFilter.key(caller.get().userId(), caller.get().clientId()));
      request.setAttribute(RateLimitFilter.ALLOWANCE, allowance);
      if (!allowance.allowed()) {
        return Optional.empty();
      }
      var form =
          ChatMessagesResource.form(
              Boolean.parseBoolean(request.getParameter("lean")), request.getParameter("lookups"));
      return Optional.of(messages.historyText(caller.get().userId(), roomId, query, form));
    } catch (RuntimeException refusedInvalidOrAway) {
      return Optional.empty();
    }
  }

  /** As JAX-RS writes it; its {@code Vary} replaces the one of {@code Cors} as there. */
  private static void write(HttpServletRequest request, HttpServletResponse response, String page)
      throws IOException {
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    String tag = PageTags.tagOf(body).toString();
    response.setHeader("ETag", tag);
    response.setHeader("Cache-Control", PageTags.CACHE_CONTROL);
    response.setHeader("Vary", PageTags.VARY);
    if (request.getAttribute(RateLimitFilter.ALLOWANCE) instanceof RateLimits.Allowance allowance) {
      RateLimitFilter.headers(allowance, response::setHeader);
    }
    if (PageTags.matches(header(request, "If-None-Match"), tag)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
