package org.gitterjakarta.mongoserver;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server for machines without MongoDB. Runs as its own process (like a real
 * mongod) so that every Payara instance of a run shares it; with a data file it survives restarts.
 * Production points {@code GITTER_MONGO_URI} at a real replica set instead.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

  private static final System.Logger LOGGER = System.getLogger(EmbeddedMongoServer.class.getName());

  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongoServer(MongoBackend backend, String host, int port) {
    this.server = new MongoServer(backend);
    this.server.bind(host, port);
    var address = server.getLocalAddress();
    this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /**
   * Starts a server keeping its data in {@code dataFile} (an H2 MVStore file), with a page cache of
   * that size.
   */
  public static EmbeddedMongoServer onDisk(Path dataFile, String host, int port, int cacheMegabytes)
      throws IOException {
    Path parent = dataFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return new EmbeddedMongoServer(
        IndexedH2Backend.onDiskStore(dataFile.toString(), cacheMegabytes), host, port);
  }

  /** Starts a server that forgets everything when closed; port 0 picks a free port. */
  public static EmbeddedMongoServer inMemory(String host, int port) {
    return new EmbeddedMongoServer(IndexedH2Backend.inMemoryStore(), host, port);
  }

  public String connectionString() {
    return connectionString;
  }

  @Override
  public void close() {
    // shutdown() also closes the backend, which commits the MVStore to disk
    server.shutdown();
  }

  public static void main(String[] args) throws Exception {
    var options = ServerOptions.parse(args);
    var mongo =
        options.dataFile().isPresent()
            ? onDisk(
                options.dataFile().get(), options.host(), options.port(), options.cacheMegabytes())
            : inMemory(options.host(), options.port());
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  mongo.close();
                  stopped.countDown();
                },
                "mongo-shutdown"));
    LOGGER.log(
        System.Logger.Level.INFO,
        "Embedded MongoDB wire server listening on {0} ({1})",
        mongo.connectionString(),
        options
            .dataFile()
            .map(
                file ->
                    file
                        + ", "
                        + options.cacheMegabytes()
                        + " MB cache of a "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MB heap")
            .orElse("in memory"));
    stopped.await();
  }
}
