package org.gitterjakarta.integrations.boundary;

import jakarta.ejb.ApplicationException;
import org.gitterjakarta.problems.Problem;

/** A hook over its rate limit: 429, with how long to wait ({@code Retry-After}). */
@ApplicationException(rollback = true)
public class TooManyEvents extends Problem {

  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  TooManyEvents(long retryAfterSeconds) {
    super(
        Kind.TOO_MANY, "Too many events for this hook, retry in " + retryAfterSeconds + " seconds");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
