package org.gitterjakarta.testsupport.bayeux;

import java.util.concurrent.CompletableFuture;

/** How batches reach the server and frames come back: long-polling POSTs or one websocket. */
interface Transport {

  /** The Bayeux name, for the handshake and {@code /meta/connect}. */
  String connectionType();

  /**
   * Sends one batch (a JSON array); completes once it is out, on long-polling once its response has
   * been handed to the receiver.
   */
  CompletableFuture<Void> send(String batch);

  /** Closes after what was sent before; completes when done. */
  CompletableFuture<Void> close();

  /** Drops the connection at once. */
  void abort();
}
