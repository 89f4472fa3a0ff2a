package org.gitterjakarta.api.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * One open streaming response. Lines are queued and written only while the connection can take them
 * (non-blocking servlet output), so no thread ever waits on a slow reader; a reader that falls
 * {@value #MAX_PENDING} lines behind is cut off.
 */
final class Stream implements WriteListener {

  static final int MAX_PENDING = 500;
  private static final System.Logger LOGGER = System.getLogger(Stream.class.getName());

  private final StreamReader reader;
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final java.util.function.Consumer<Stream> onClose;
  private final Queue<byte[]> pending = new ArrayDeque<>();
  private boolean closed;
  private boolean listening;

  Stream(StreamReader reader, AsyncContext async, java.util.function.Consumer<Stream> onClose)
      throws IOException {
    this.reader = reader;
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.onClose = onClose;
  }

  StreamReader reader() {
    return reader;
  }

  /** Hands the output to this stream; from then on the container calls back when writable. */
  synchronized void open() {
    listening = true;
    out.setWriteListener(this);
  }

  synchronized void offer(String line) {
    if (closed) {
      return;
    }
    if (pending.size() >= MAX_PENDING) {
      LOGGER.log(System.Logger.Level.INFO, "Stream reader too slow; closing it");
      close();
      return;
    }
    pending.add(line.getBytes(StandardCharsets.UTF_8));
    if (listening) {
      drain();
    }
  }

  @Override
  public synchronized void onWritePossible() {
    drain();
  }

  @Override
  public void onError(Throwable failure) {
    LOGGER.log(System.Logger.Level.DEBUG, "Stream reader gone", failure);
    close();
  }

  private void drain() {
    try {
      while (!closed && out.isReady()) {
        byte[] next = pending.poll();
        if (next == null) {
          out.flush();
          return;
        }
        out.write(next);
      }
    } catch (IOException | IllegalStateException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "Stream write failed", e);
      close();
    }
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending.clear();
    onClose.accept(this);
    try {
      async.complete();
    } catch (IllegalStateException alreadyDone) {
      LOGGER.log(System.Logger.Level.TRACE, "Stream already complete");
    }
  }
}
