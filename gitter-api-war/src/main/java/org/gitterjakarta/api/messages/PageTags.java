package org.gitterjakarta.api.messages;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * An answer's {@code ETag} made from its bytes, so it changes whenever any byte of the answer
 * changes for the reader asking (unread flags, form, paging included), and {@code 304 Not Modified}
 * when the reader already holds those bytes. Two independent CRCs and the length: 64 bits of
 * checksum computed by CPU instructions, a few microseconds for a page, where a cryptographic hash
 * costs more than the page's assembly; a tag is compared with the same reader's earlier tag only.
 */
final class PageTags {

  static final String CACHE_CONTROL = "private, no-cache";
  static final String VARY = "Authorization, X-Access-Token";

  private PageTags() {}

  static Response answer(Request request, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    EntityTag tag = tagOf(body);
    Response.ResponseBuilder notModified = notModified(request, tag);
    if (notModified != null) {
      return personal(notModified.tag(tag)).build();
    }
    return personal(Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag)).build();
  }

  /**
   * Null unless the client's tags match; a malformed {@code If-None-Match} is ignored (RFC 9110).
   */
  private static Response.ResponseBuilder notModified(Request request, EntityTag tag) {
    try {
      return request.evaluatePreconditions(tag);
    } catch (ProcessingException malformed) {
      return null;
    }
  }

  /**
   * A page is one reader's ({@code unread} flags): shared caches must not keep it, and a browser
   * asks again each time (a 304 when nothing changed). The token may come in either header.
   */
  private static Response.ResponseBuilder personal(Response.ResponseBuilder answer) {
    return answer.header("Cache-Control", CACHE_CONTROL).header("Vary", VARY);
  }

  /**
   * Whether an {@code If-None-Match} header names the tag, as {@link Request#evaluatePreconditions}
   * decides for a GET: {@code *} alone matches anything, tags compare weakly, and a malformed list
   * ({@code *} inside a list included) matches nothing.
   */
  static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    boolean matched = false;
    for (String candidate : ifNoneMatch.split(",", -1)) {
      String value = candidate.strip();
      if (value.startsWith("W/")) {
        value = value.substring(2);
      }
      if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
        return false;
      }
      matched |= value.equals(tag);
    }
    return matched;
  }

  static EntityTag tagOf(byte[] body) {
    CRC32C first = new CRC32C();
    first.update(body);
    CRC32 second = new CRC32();
    second.update(body);
    return new EntityTag(
        Long.toHexString(first.getValue())
            + Long.toHexString(second.getValue())
            + "-"
            + Integer.toHexString(body.length));
  }
}
