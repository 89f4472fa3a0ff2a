package org.gitterjakarta.api.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.messages.boundary.HistoryQuery;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.messages.boundary.PageText;
import org.gitterjakarta.messages.boundary.ReadBy;
import org.gitterjakarta.moderation.boundary.ReportJson;
import org.gitterjakarta.moderation.boundary.Reports;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.unread.boundary.UnreadItems;
import org.gitterjakarta.users.boundary.UserJson;

/**
 * {@code /v1/rooms/:roomId/chatMessages}: history, sending, one message, edits, threads. One
 * instance serves every request (the hot path: no bean and no injections built per request), so the
 * room comes in as a parameter.
 */
@ApplicationScoped
@Path("rooms/{roomId}/chatMessages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatMessagesResource {

  @Inject CurrentCaller caller;
  @Inject Messages messages;
  @Inject UnreadItems unread;
  @Inject ReadBy readBy;
  @Inject Reports reports;
  @Context Request request;

  /**
   * History, oldest first. {@code lean=true} leaves out empty lists; {@code lookups=user} answers
   * {@code {items, lookups: {users}}} with each sender listed once; {@code marker=first-unread}
   * centres the page on the caller's oldest unread message; {@code q} searches instead. A page is
   * answered as text with an {@code ETag} of its bytes, so a reader asking again with {@code
   * If-None-Match} gets {@code 304} while not one byte of its answer changed.
   */
  @GET
  public Object index(
      @PathParam("roomId") String roomId,
      @QueryParam("limit") Integer limit,
      @QueryParam("skip") Integer skip,
      @QueryParam("beforeId") String beforeId,
      @QueryParam("afterId") String afterId,
      @QueryParam("aroundId") String aroundId,
      @QueryParam("includeThreads") boolean includeThreads,
      @QueryParam("lean") boolean lean,
      @QueryParam("lookups") String lookups,
      @QueryParam("marker") String marker,
      @QueryParam("q") String q) {
    if (q != null) {
      HistoryQuery paging = new HistoryQuery(limit, skip, null, null, null, false);
      return messages.search(caller.userId(), roomId, q, paging.skipped(), paging.pageSize());
    }
    String anchor = "first-unread".equals(marker) ? firstUnread(roomId).orElse(aroundId) : aroundId;
    String page =
        messages.historyText(
            caller.userId(),
            roomId,
            new HistoryQuery(limit, skip, beforeId, afterId, anchor, includeThreads),
            form(lean, lookups));
    return PageTags.answer(request, page);
  }

  /** The form a page is asked in ({@code lean}, {@code lookups=user}). */
  static PageText.Form form(boolean lean, String lookups) {
    return new PageText.Form(lean, lookups != null && lookups.contains("user"));
  }

  /** {@code marker=first-unread}: the page around the caller's oldest unread message. */
  private java.util.Optional<String> firstUnread(String roomId) {
    return unread.get(caller.userId(), roomId).chat().stream().findFirst();
  }

  @POST
  public ChatMessageJson send(@PathParam("roomId") String roomId, @Valid MessageBody body) {
    if (body.virtualUser() != null) {
      throw Problem.notAllowed("Only approved bridge clients may send as virtual users");
    }
    return messages.send(caller.userId(), roomId, body.text(), body.isStatus(), body.parentId());
  }

  @GET
  @Path("{messageId}")
  public ChatMessageJson show(
      @PathParam("roomId") String roomId, @PathParam("messageId") String messageId) {
    return messages.get(caller.userId(), roomId, messageId);
  }

  @PUT
  @Path("{messageId}")
  public ChatMessageJson edit(
      @PathParam("roomId") String roomId,
      @PathParam("messageId") String messageId,
      @Valid MessageBody body) {
    return messages.edit(caller.userId(), roomId, messageId, body.text());
  }

  @DELETE
  @Path("{messageId}")
  public Response delete(
      @PathParam("roomId") String roomId, @PathParam("messageId") String messageId) {
    messages.delete(caller.userId(), roomId, messageId);
    return Response.noContent().build();
  }

  /** The people who have read the message (recorded in batches, so a second or so behind). */
  @GET
  @Path("{messageId}/readBy")
  public List<UserJson> readBy(
      @PathParam("roomId") String roomId, @PathParam("messageId") String messageId) {
    return readBy.readers(caller.userId(), roomId, messageId);
  }

  /** Reports someone else's message; the same person reporting again gets the same report. */
  @POST
  @Path("{messageId}/report")
  public ReportJson report(
      @PathParam("roomId") String roomId, @PathParam("messageId") String messageId) {
    return reports.report(caller.userId(), roomId, messageId);
  }

  @GET
  @Path("{messageId}/thread")
  public List<ChatMessageJson> thread(
      @PathParam("roomId") String roomId,
      @PathParam("messageId") String messageId,
      @QueryParam("limit") Integer limit,
      @QueryParam("beforeId") String beforeId,
      @QueryParam("afterId") String afterId) {
    return messages.thread(
        caller.userId(),
        roomId,
        messageId,
        new HistoryQuery(limit, null, beforeId, afterId, null, false));
  }
}
