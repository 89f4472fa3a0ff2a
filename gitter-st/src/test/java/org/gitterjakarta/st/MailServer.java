package org.gitterjakarta.st;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.gitterjakarta.testsupport.launcher.Ports;

/**
 * The test run's SMTP server: Debian's aiosmtpd ({@code python3-aiosmtpd}, installed by {@code
 * ./gitter test}) with its Maildir handler, so every mail an instance sends lands as a file the
 * tests read back with Jakarta Mail. A real SMTP conversation, no mock transport.
 */
final class MailServer implements AutoCloseable {

  final int port = Ports.free();
  final Path maildir;
  private Process process;

  MailServer(Path maildir) {
    this.maildir = maildir;
  }

  /**
   * Starts the server unless it runs. A second process on the port would fail to bind while the
   * first kept answering, and {@link #close} would then stop only the second (MailIT's refusals).
   */
  MailServer start() {
    if (process != null && process.isAlive()) {
      return this;
    }
    try {
      Files.createDirectories(maildir.getParent());
      process =
          new ProcessBuilder(
                  "/usr/bin/python3",
                  "-m",
                  "aiosmtpd",
                  "-n",
                  "-l",
                  "127.0.0.1:" + port,
                  "-c",
                  "aiosmtpd.handlers.Mailbox",
                  maildir.toString())
              .redirectErrorStream(true)
              .redirectOutput(maildir.resolveSibling("smtp.log").toFile())
              .start();
      for (int i = 0; i < 100; i++) {
        try (var socket = new Socket("127.0.0.1", port)) {
          return this;
        } catch (IOException notYet) {
          if (!process.isAlive()) {
            throw new IllegalStateException(
                "aiosmtpd did not start (install Debian's python3-aiosmtpd); see smtp.log");
          }
          Thread.sleep(100);
        }
      }
      throw new IllegalStateException("aiosmtpd does not listen on " + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every mail received for the address so far, oldest first. */
  List<MimeMessage> to(String address) {
    List<MimeMessage> found = new ArrayList<>();
    Path received = maildir.resolve("new");
    if (!Files.isDirectory(received)) {
      return found;
    }
    try (Stream<Path> files = Files.list(received)) {
      for (Path file : files.sorted().toList()) {
        MimeMessage message = read(file);
        String rcpt = header(message, "X-RcptTo");
        if (rcpt != null && rcpt.toLowerCase().contains(address.toLowerCase())) {
          found.add(message);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(
        java.util.Comparator.comparing(
            m -> {
              try {
                return m.getSentDate();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            }));
    return found;
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, ",");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException("unreadable mail " + file, e);
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        // gone before anyone counts on refusals, or starts the server again
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
