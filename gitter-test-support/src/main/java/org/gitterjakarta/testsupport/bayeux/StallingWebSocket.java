package org.gitterjakarta.testsupport.bayeux;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A websocket on a plain socket with a small receive buffer, whose client can stop reading: a phone
 * that went into a tunnel, or a client that hangs. The server's writes to it then find the socket
 * full, which the JDK's own client cannot show (it reads ahead, into a buffer the kernel grows to
 * megabytes). Written from RFC 6455, only as far as a Bayeux client needs: text frames (whole or in
 * pieces), pings and the close frame.
 */
final class StallingWebSocket implements Transport {

  /** What the kernel may hold for the client once it stops reading (it doubles what is asked). */
  static final int RECEIVE_BUFFER = 4096;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final Consumer<String> receiver;
  private final Consumer<Throwable> onLost;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicLong received = new AtomicLong();
  private volatile boolean stopped;
  private volatile boolean closing;

  private StallingWebSocket(
      Socket socket, InputStream in, Consumer<String> receiver, Consumer<Throwable> onLost)
      throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(in);
    this.out = socket.getOutputStream();
    this.receiver = receiver;
    this.onLost = onLost;
  }

  /** Connects and upgrades to {@code uri} (ws or http); frames go to {@code receiver}. */
  static StallingWebSocket open(URI uri, Consumer<String> receiver, Consumer<Throwable> onLost) {
    if (uri.getPort() < 0) {
      throw new IllegalArgumentException("A stalling websocket needs a port: " + uri);
    }
    var socket = new Socket();
    try {
      socket.setReceiveBufferSize(RECEIVE_BUFFER); // before connecting: no window scaling past it
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      socket.setSoTimeout(10_000); // for the upgrade's answer only
      InputStream in = socket.getInputStream();
      upgrade(uri, socket.getOutputStream(), in);
      socket.setSoTimeout(0);
      var transport = new StallingWebSocket(socket, in, receiver, onLost);
      var reader = new Thread(transport::readFrames, "stalling-websocket-" + socket.getLocalPort());
      reader.setDaemon(true);
      reader.start();
      return transport;
    } catch (IOException e) {
      closeQuietly(socket);
      throw new IllegalStateException("Cannot open a websocket to " + uri + ": " + e, e);
    }
  }

  /** Stops taking frames off the socket, for good: what the server sends next stays unread. */
  void stopReading() {
    stopped = true;
  }

  /** Payload bytes of the frames taken off the socket so far. */
  long received() {
    return received.get();
  }

  @Override
  public String connectionType() {
    return "websocket";
  }

  @Override
  public synchronized CompletableFuture<Void> send(String batch) {
    try {
      writeFrame(0x1, batch.getBytes(StandardCharsets.UTF_8));
      return CompletableFuture.completedFuture(null);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public synchronized CompletableFuture<Void> close() {
    closing = true;
    closed.countDown();
    try {
      writeFrame(0x8, new byte[] {0x03, (byte) 0xE8}); // 1000, normal closure
    } catch (IOException e) {
      // closed already
    }
    closeQuietly(socket);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void abort() {
    closing = true;
    closed.countDown();
    closeQuietly(socket);
  }

  private static void upgrade(URI uri, OutputStream out, InputStream in) throws IOException {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    var head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || head.size() > 16_384) {
        throw new IOException("no upgrade: " + head.toString(StandardCharsets.US_ASCII));
      }
      head.write(b);
    }
    String status = head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
    if (!status.contains(" 101 ")) {
      throw new IOException("no upgrade: " + status);
    }
  }

  private void readFrames() {
    var message = new ByteArrayOutputStream();
    try {
      while (!closing) {
        if (stopped) {
          closed.await(); // the socket stays unread until it is closed
          return;
        }
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        if ((second & 0x80) != 0) {
          throw new IOException("a masked frame from the server");
        }
        long length = second & 0x7F;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
          throw new IOException("a frame of " + length + " bytes");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        received.addAndGet(length); // the payload's bytes: what a stalled client did not take
        int opcode = first & 0x0F;
        boolean fin = (first & 0x80) != 0;
        switch (opcode) {
          case 0x0, 0x1 -> {
            message.write(payload);
            if (fin) {
              receiver.accept(message.toString(StandardCharsets.UTF_8));
              message.reset();
            }
          }
          case 0x8 -> throw new EOFException("closed by the server");
          case 0x9 -> {
            synchronized (this) {
              writeFrame(0xA, payload);
            }
          }
          default -> {
            // a pong, or nothing a Bayeux server sends
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!closing) {
        onLost.accept(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(socket);
    }
  }

  /** One whole frame, masked as a client's must be. */
  private void writeFrame(int opcode, byte[] payload) throws IOException {
    var frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift) & 0xFF);
      }
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i & 3]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }
}
