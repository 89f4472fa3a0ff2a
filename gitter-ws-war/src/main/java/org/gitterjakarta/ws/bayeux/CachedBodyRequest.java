package org.gitterjakarta.ws.bayeux;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read already; replays it, as JSON in UTF-8, to blocking and asynchronous
 * readers.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  @Override
  public ServletInputStream getInputStream() {
    return new ReplayedInputStream(body);
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
  }

  @Override
  public String getContentType() {
    return "application/json;charset=UTF-8";
  }

  @Override
  public String getCharacterEncoding() {
    return "UTF-8";
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  static final class ReplayedInputStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    ReplayedInputStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    /**
     * All bytes are here already: one callback, once. CometD reads on until {@link #isFinished()},
     * and treats a second callback as a new readiness signal, which would lose its next demand.
     */
    @Override
    public void setReadListener(ReadListener listener) {
      try {
        if (isFinished()) {
          listener.onAllDataRead();
        } else {
          listener.onDataAvailable();
        }
      } catch (IOException | RuntimeException e) {
        listener.onError(e);
      }
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return in.read(buffer, offset, length);
    }
  }
}
