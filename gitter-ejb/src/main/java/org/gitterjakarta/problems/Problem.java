package org.gitterjakarta.problems;

import jakarta.ejb.ApplicationException;

/**
 * A request the domain refuses, with the kind of refusal. Each WAR translates the kind once (the
 * API into an HTTP status, the web UI into a message, Bayeux into an error reply); the message is
 * written for the person or client that made the request.
 */
@ApplicationException(rollback = true)
public class Problem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, in the terms clients know from Gitter's API. */
  public enum Kind {
    INVALID(400),
    NOT_AUTHENTICATED(401),
    NOT_ALLOWED(403),
    NOT_FOUND(404),
    CONFLICT(409),
    TOO_MANY(429),
    /** A server this one depends on (the mail server) did not do its part; try again later. */
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public Problem(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static Problem invalid(String message) {
    return new Problem(Kind.INVALID, message);
  }

  public static Problem notFound(String message) {
    return new Problem(Kind.NOT_FOUND, message);
  }

  public static Problem notAllowed(String message) {
    return new Problem(Kind.NOT_ALLOWED, message);
  }

  public static Problem unavailable(String message) {
    return new Problem(Kind.UNAVAILABLE, message);
  }

  public static Problem conflict(String message) {
    return new Problem(Kind.CONFLICT, message);
  }
}
