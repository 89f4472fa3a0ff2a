package org.gitterjakarta.mongo.control;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerMonitorListener;

/**
 * Tells of MongoDB failing, as the driver sees it: a command that failed, and a heartbeat that
 * found no server (while MongoDB is unreachable no command even starts). A duplicate key is an
 * answer the features expect ({@link DuplicateKeys}), not a failure.
 */
final class StoreFailures implements CommandListener, ServerMonitorListener {

  private final Runnable failed;

  StoreFailures(Runnable failed) {
    this.failed = failed;
  }

  @Override
  public void commandFailed(CommandFailedEvent event) {
    if (!DuplicateKeys.isDuplicateKey(event.getThrowable())) {
      failed.run();
    }
  }

  @Override
  public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
    failed.run();
  }
}
