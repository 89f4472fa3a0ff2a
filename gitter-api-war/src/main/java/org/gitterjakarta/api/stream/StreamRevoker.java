package org.gitterjakarta.api.stream;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.tokens.boundary.Tokens;

/**
 * Ends the streams whose reader may no longer read them: at once on a {@link Revocation} from any
 * instance, and on a periodic check of every stream (token still valid, room still readable) so
 * that a lost announcement cannot keep a stream open; the periodic checks run on a worker thread.
 */
@ApplicationScoped
public class StreamRevoker {

  @Inject Tokens tokens;
  @Inject Rooms rooms;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** On the live subscriber's thread, so that no later message reaches a revoked reader. */
  void apply(Revocation revocation, List<Stream> streams) {
    rooms.revoked(revocation); // the checks below read what is stored now
    for (Stream stream : streams) {
      StreamReader reader = stream.reader();
      if (revocation.endsSession(reader.userId(), reader.tokenHash())
          || revocation.concerns(reader.roomId(), reader.userId()) && !readable(reader)) {
        stream.close();
      }
    }
  }

  void recheck(List<Stream> streams) {
    run(
        () -> {
          for (Stream stream : streams) {
            StreamReader reader = stream.reader();
            if (tokens.resolve(reader.token()).isEmpty() || !readable(reader)) {
              stream.close();
            }
          }
        });
  }

  private boolean readable(StreamReader reader) {
    try {
      rooms.readable(reader.userId(), reader.roomId());
      return true;
    } catch (Problem refused) {
      return false;
    }
  }

  private void run(Runnable check) {
    try {
      executor.execute(check);
    } catch (RejectedExecutionException stopping) {
      // the instance is going down with its streams
    }
  }
}
