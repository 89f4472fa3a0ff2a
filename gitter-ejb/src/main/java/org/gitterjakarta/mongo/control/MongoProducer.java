package org.gitterjakarta.mongo.control;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.metrics.control.ProductMetrics;

/**
 * The one MongoDB client of an application. JNoSQL's templates and repositories get their {@link
 * DatabaseManager} from this client too, so the app holds a single connection pool; the plain
 * driver serves what JNoSQL cannot express (atomic {@code $inc}, aggregations).
 */
@ApplicationScoped
public class MongoProducer {

  private static final System.Logger LOGGER = System.getLogger(MongoProducer.class.getName());

  @Inject
  @ConfigProperty(name = "gitter.mongo.uri")
  String uri;

  @Inject
  @ConfigProperty(name = "gitter.mongo.database")
  String database;

  static final int MIN_CONNECTIONS = 4;

  @Inject
  @ConfigProperty(name = "gitter.mongo.timeout-ms")
  int timeoutMillis;

  @Inject ProductMetrics metrics;

  /** Connects at deployment: a bad URI fails the start, and no request pays for it. */
  void connectAtStart(
      @Observes @Initialized(ApplicationScoped.class) Object started, MongoClient client) {
    LOGGER.log(
        System.Logger.Level.DEBUG, "MongoDB client ready: {0}", client.getClusterDescription());
  }

  @Produces
  @ApplicationScoped
  MongoClient client() {
    var failures = new StoreFailures(metrics::mongoFailed);
    var connection = new ConnectionString(uri);
    var settings =
        MongoClientSettings.builder()
            .applyConnectionString(connection)
            .applyToConnectionPoolSettings(pool -> pool.minSize(minConnections(connection)))
            .applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket -> socket.connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
            .applyToServerSettings(server -> server.addServerMonitorListener(failures))
            .addCommandListener(new StoreQueries())
            .addCommandListener(failures)
            .build();
    LOGGER.log(System.Logger.Level.INFO, "MongoDB database {0} at {1}", database, redacted(uri));
    return MongoClients.create(settings);
  }

  /**
   * Connections opened in the background at start, not on a fresh instance's first requests: the
   * URI's minPoolSize, or a few (never more than its maxPoolSize).
   */
  static int minConnections(ConnectionString connection) {
    if (connection.getMinConnectionPoolSize() != null) {
      return connection.getMinConnectionPoolSize();
    }
    Integer max = connection.getMaxConnectionPoolSize();
    return max == null ? MIN_CONNECTIONS : Math.min(MIN_CONNECTIONS, max);
  }

  void close(@Disposes MongoClient client) {
    client.close();
  }

  @Produces
  MongoDatabase database(MongoClient client) {
    return client.getDatabase(database);
  }

  @Produces
  @ApplicationScoped
  @Alternative
  @Priority(Interceptor.Priority.APPLICATION)
  DatabaseManager documents(MongoClient client) {
    return new MongoDBDocumentConfiguration().get(client).apply(database);
  }

  /** Keeps passwords of a {@code mongodb://user:pass@host} URI out of the log. */
  static String redacted(String uri) {
    return uri.replaceFirst("//[^/@]*@", "//***@");
  }
}
