package org.gitterjakarta.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.gitterjakarta.portability.boundary.ImportReport;
import org.gitterjakarta.portability.boundary.Imports;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.users.boundary.NewAccount;
import org.gitterjakarta.users.boundary.Users;
import org.jboss.weld.environment.se.Weld;

/**
 * Operator commands against the configured stores (same {@code GITTER_*} settings as the server).
 * They run the domain's own boundaries in CDI SE, so an account made here is made exactly as the
 * server makes one.
 */
public final class GitterCli {

  private GitterCli() {}

  public static void main(String[] args) {
    quietLogging();
    System.exit(run(args, System.out, System.err));
  }

  /** The output is for the operator (and scripts reading its last line): warnings only. */
  private static void quietLogging() {
    var root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (var handler : root.getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && "import".equals(args[0])) {
      return importRoom(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    String command = args.length < 2 || !"user".equals(args[0]) ? "" : args[1];
    if (!"add".equals(command) && !"seed".equals(command)) {
      err.println(UserAddOptions.USAGE + "\n" + UserSeedOptions.USAGE + "\n" + ImportOptions.USAGE);
      return 2;
    }
    try {
      String[] rest = Arrays.copyOfRange(args, 2, args.length);
      if ("add".equals(command)) {
        userAdd(UserAddOptions.parse(rest), out);
      } else {
        userSeed(UserSeedOptions.parse(rest), out);
      }
      return 0;
    } catch (IllegalArgumentException | Problem e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static void userAdd(UserAddOptions options, PrintStream out) {
    try (var container =
        new Weld("gitter-cli").addBeanClasses(Users.class, Tokens.class).initialize()) {
      Users users = container.select(Users.class).get();
      Tokens tokens = container.select(Tokens.class).get();
      String password = options.password().orElseGet(GitterCli::randomPassword);
      var user =
          users.register(
              new NewAccount(
                  options.username(),
                  password,
                  options.displayName().orElse(null),
                  options.email().orElse(null),
                  options.admin()));
      var token = tokens.issuePersonal(user.id(), "Created with ./gitter user add");
      out.println(
          "Created user "
              + user.username()
              + " (id "
              + user.id()
              + ")"
              + (options.admin() ? " with admin rights" : ""));
      if (options.password().isEmpty()) {
        out.println("Password: " + password);
      }
      out.println("Personal access token:");
      out.println(token.value());
    }
  }

  /**
   * Benchmark accounts {@code <prefix>1..<prefix><count>} in one JVM, one line {@code username
   * token} each: {@code user add} boots a JVM per account, far too slow for thousands.
   */
  private static void userSeed(UserSeedOptions options, PrintStream out) {
    SeedPasswords.seeding(true);
    try (var container =
        new Weld("gitter-cli").addBeanClasses(Users.class, Tokens.class).initialize()) {
      Users users = container.select(Users.class).get();
      Tokens tokens = container.select(Tokens.class).get();
      for (int i = 1; i <= options.count(); i++) {
        var user =
            users.register(
                new NewAccount(options.username(i), options.password(), null, null, false));
        var token = tokens.issuePersonal(user.id(), "Created with ./gitter user seed");
        out.println(user.username() + " " + token.value());
      }
    } finally {
      SeedPasswords.seeding(false);
    }
  }

  /**
   * {@code import}: a room's history from an export file or Gitter API pages. The file is checked
   * whole before anything is stored; a fault names its line.
   */
  private static int importRoom(String[] args, PrintStream out, PrintStream err) {
    try {
      ImportOptions options = ImportOptions.parse(args);
      if (!Files.isReadable(options.file())) {
        throw new IllegalArgumentException("Cannot read " + options.file());
      }
      try (var container =
          new Weld("gitter-cli")
              .addBeanClasses(Imports.class, Rooms.class, Users.class)
              .initialize()) {
        Imports imports = container.select(Imports.class).get();
        ImportReport report =
            imports.load(
                () -> text(options.file()),
                new Imports.Target(
                    options.room(), options.admin().orElse(null), options.publicRoom()));
        out.println(
            (report.roomCreated() ? "Created room " : "Room ")
                + report.roomUri()
                + " (id "
                + report.roomId()
                + "): "
                + report.stored()
                + " of "
                + report.read()
                + " messages imported, "
                + (report.read() - report.stored())
                + " were there already; "
                + report.placeholders()
                + " placeholder accounts made");
      }
      return 0;
    } catch (IllegalArgumentException | Problem e) {
      err.println("error: " + (args.length > 0 ? args[0] + ": " : "") + e.getMessage());
      return 1;
    } catch (java.io.UncheckedIOException e) {
      err.println("error: cannot read the file: " + e.getCause().getMessage());
      return 1;
    }
  }

  /**
   * The file as strict UTF-8, decoded as it is read (no buffer of characters ahead), so that bytes
   * that are no text are reported on their own line.
   */
  private static java.io.Reader text(java.nio.file.Path file) throws java.io.IOException {
    return new java.io.InputStreamReader(
        new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024),
        StandardCharsets.UTF_8.newDecoder());
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
