package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.assertError;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail end to end against a real SMTP server (aiosmtpd, {@link MailServer}): addresses verified by
 * signed links, the unread digest (rooms, counts, latest messages, both parts), what must not be
 * mailed, one-click unsubscribe, invites by email, retries after an SMTP failure, and one digest
 * when two instances run the job. The shared instance runs with delays of seconds (mention 2 s,
 * first unread 4 s, one digest per 8 s); the second instance ({@link SharedInstance#second}) boots
 * in the background unless a suite before this one started it.
 */
class MailIT {

  static final Pattern VERIFY_LINK =
      Pattern.compile("https?://\\S+/api/v1/email/verify\\?token=\\S+");
  static final Duration WAIT = Duration.ofSeconds(40);

  static CompletableFuture<GitterRun> second;
  static String alice;

  record Person(String token, String id, String username, String address) {}

  @BeforeAll
  static void start() {
    SharedInstance.get();
    second = SharedInstance.secondStarting();
    alice = SharedInstance.newUser("malice" + suffix());
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  /** A new account whose address is set and verified through the mailed link. */
  static Person verified(String prefix) {
    Person person = unverified(prefix);
    HttpResponse<String> page = Http.get(URI.create(verifyLink(person)));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("is verified");
    assertThat(ok(call("GET", "/user/me/email", person.token(), null)).getBoolean("verified"))
        .isTrue();
    return person;
  }

  /** A new account with an address set, its verification mail received and not followed. */
  static Person unverified(String prefix) {
    String username = prefix + suffix();
    String token = SharedInstance.newUser(username);
    String id = ok(call("GET", "/user/me", token, null)).getString("id");
    String address = username + "@example.org";
    JsonObject set = ok(call("PUT", "/user/me/email", token, "{\"email\":\"" + address + "\"}"));
    assertThat(set.getString("email")).isEqualTo(address);
    assertThat(set.getBoolean("verified")).isFalse();
    return new Person(token, id, username, address);
  }

  static String verifyLink(Person person) {
    MimeMessage mail = awaitMails(person.address(), "Confirm your email address", 1).get(0);
    Matcher link = VERIFY_LINK.matcher(part(mail, "text/plain"));
    assertThat(link.find()).isTrue();
    return link.group();
  }

  static List<MimeMessage> mails(String address, String subject) {
    return SharedInstance.MAIL.to(address).stream()
        .filter(m -> subject(m).startsWith(subject))
        .toList();
  }

  static List<MimeMessage> digests(Person person) {
    return mails(person.address(), "Unread messages");
  }

  static List<MimeMessage> awaitMails(String address, String subject, int count) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> mails(address, subject).size() >= count);
    return mails(address, subject);
  }

  static List<MimeMessage> awaitDigests(Person person, int count) {
    return awaitMails(person.address(), "Unread messages", count);
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String header(MimeMessage mail, String name) {
    try {
      return mail.getHeader(name, ",");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String part(MimeMessage mail, String type) {
    try {
      MimeMultipart parts = (MimeMultipart) mail.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType(type)) {
          return (String) part.getContent();
        }
      }
      throw new AssertionError("no " + type + " part");
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String newRoom(String token) {
    return Api.defaultRoomOf(token);
  }

  static String uriOf(String roomId) {
    return uriOf(roomId, alice);
  }

  static String uriOf(String roomId, String token) {
    return ok(call("GET", "/rooms/" + roomId, token, null)).getString("uri");
  }

  /** What the instances logged (Payara's logs, where the mail feature writes). */
  static String instanceLogs() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path logs :
        List.of(
            Launcher.WORK.resolve("shared-data/logs"),
            SharedInstance.SECOND_DATA.resolve("logs"))) {
      if (Files.isDirectory(logs)) {
        try (var files = Files.list(logs)) {
          for (Path log :
              files.filter(f -> f.getFileName().toString().startsWith("payara-")).toList()) {
            all.append(Files.readString(log));
          }
        }
      }
    }
    return all.toString();
  }

  @Test
  void digestListsRoomsCountsAndLatestMessagesAtMostOncePerInterval() {
    Person bob = verified("mbob");
    String first = newRoom(alice);
    String second = newRoom(alice);
    join(first, bob.token());
    join(second, bob.token());

    send(first, alice, "first news");
    send(first, alice, "second news");
    send(first, alice, "<script>alert(1)</script> third news");
    send(second, alice, "hello @" + bob.username());

    MimeMessage digest = awaitDigests(bob, 1).get(0);
    String text = part(digest, "text/plain");
    String html = part(digest, "text/html");
    assertThat(subject(digest)).contains(uriOf(first), uriOf(second));
    assertThat(text)
        .contains(uriOf(first) + " (3 unread)", uriOf(second) + " (1 unread, 1 mention)")
        .contains("second news", "third news", "hello @" + bob.username());
    assertThat(html).contains("third news").doesNotContain("<script>");
    assertThat(header(digest, "List-Unsubscribe"))
        .matches("<https?://.+/api/v1/email/unsubscribe\\?token=.+>");
    assertThat(header(digest, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

    // what is new goes in the next digest, once the interval since this one has passed
    String third = newRoom(alice);
    join(third, bob.token());
    send(third, alice, "later news");
    List<MimeMessage> both = awaitDigests(bob, 2);
    String next = part(both.get(1), "text/plain");
    assertThat(next)
        .contains(uriOf(third) + " (1 unread)", "later news")
        .doesNotContain("third news");
    assertThat(sentAt(both.get(1)) - sentAt(both.get(0))).isGreaterThanOrEqualTo(7_000);
  }

  @Test
  void oneToOneMessagesAreMailedUnderThePersonsName() {
    Person carol = verified("mcarol");
    JsonObject me = ok(call("GET", "/user/me", alice, null));
    String room =
        ok(call("POST", "/rooms", alice, "{\"uri\":\"" + carol.username() + "\"}")).getString("id");
    send(room, alice, "just between us");

    MimeMessage digest = awaitDigests(carol, 1).get(0);
    assertThat(subject(digest)).isEqualTo("Unread messages in " + me.getString("displayName"));
    assertThat(part(digest, "text/plain"))
        .contains(me.getString("displayName") + " (1 unread)", "just between us")
        .contains("/" + me.getString("username"));
  }

  @Test
  void aRemovedSenderIsNamedAsTheRoomHistoryNamesThem() {
    Person erin = verified("merin");
    String room = newRoom(alice);
    join(room, erin.token());
    String ghost = SharedInstance.newUser("mghost" + suffix());
    String gone = SharedInstance.newUser("mgone" + suffix());
    JsonObject goneAccount = ok(call("GET", "/user/me", gone, null));
    join(room, ghost);
    join(room, gone);
    // online until both senders are gone: no digest is taken before (a one-to-one message is
    // mailed two seconds after it is sent)
    BayeuxClient socket = BayeuxClient.websocket(SharedInstance.get().bayeux());
    socket.handshake(erin.token());
    try (socket) {
      send(room, ghost, "said before leaving as a ghost");
      send(room, gone, "said before leaving");
      String between =
          ok(call("POST", "/rooms", gone, "{\"uri\":\"" + erin.username() + "\"}")).getString("id");
      send(between, gone, "just between us, before leaving");
      ok(call("DELETE", "/user/me", ghost, "{\"ghost\":true}"));
      ok(call("DELETE", "/user/me", gone, null));
    }

    String goneName = goneAccount.getString("displayName");
    assertThat(part(awaitDigests(erin, 1).get(0), "text/plain"))
        .contains("Ghost: said before leaving as a ghost")
        .contains(goneName + ": said before leaving")
        .contains(goneName + " (1 unread)", "just between us, before leaving")
        .doesNotContain("Someone", "A conversation")
        // a removed person has no room address to link to
        .doesNotContainPattern("/" + Pattern.quote(goneAccount.getString("username")) + "\\s");
  }

  static long sentAt(MimeMessage mail) {
    try {
      return mail.getSentDate().getTime();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void nothingForMutedRoomsOptedOutUnverifiedOrReadInTime() {
    Person control = verified("mctl");
    Person muted = verified("mmute");
    Person optedOut = verified("mopt");
    Person reader = verified("mread");
    Person notVerified = unverified("mnov");
    Person online = verified("monl");
    String room = newRoom(alice);
    for (Person p : List.of(control, muted, optedOut, reader, notVerified, online)) {
      join(room, p.token());
    }
    // connected to the realtime service: online, so their counts are in front of them
    BayeuxClient socket = BayeuxClient.websocket(SharedInstance.get().bayeux());
    socket.handshake(online.token());
    ok(
        call(
            "PUT",
            "/user/me/rooms/" + room + "/settings/notifications",
            muted.token(),
            "{\"mode\":\"mute\"}"));
    assertThat(
            call("PUT", "/user/me/settings/unread_notifications_optout", optedOut.token(), "true")
                .statusCode())
        .isEqualTo(200);

    send(room, alice, "news, even for @" + muted.username());
    ok(call("DELETE", "/user/me/rooms/" + room + "/unreadItems/all", reader.token(), null));

    try (socket) {
      awaitDigests(control, 1);
      Pause.sleep(3_000);
      for (Person p : List.of(muted, optedOut, reader, notVerified, online)) {
        assertThat(digests(p)).as(p.username()).isEmpty();
      }
    }
  }

  @Test
  void unsubscribeIsOneClickWithoutSignIn() throws Exception {
    Person bob = verified("munsub");
    Person control = verified("mctl");
    String room = newRoom(alice);
    join(room, bob.token());
    join(room, control.token());
    send(room, alice, "news");
    String header = header(awaitDigests(bob, 1).get(0), "List-Unsubscribe");
    URI link = URI.create(header.substring(1, header.length() - 1));
    String optOut = "/user/me/settings/unread_notifications_optout";

    HttpResponse<String> page = Http.get(link);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form", "Unsubscribe");
    assertThat(call("GET", optOut, bob.token(), null).body()).isNotEqualTo("true");

    assertThat(oneClick(URI.create(link + "x")).statusCode()).isEqualTo(400);
    assertThat(oneClick(URI.create(link.toString().replace("token=", "token=x"))).statusCode())
        .isEqualTo(400);
    HttpResponse<String> done = oneClick(link);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(call("GET", optOut, bob.token(), null).body()).isEqualTo("true");

    String other = newRoom(alice);
    join(other, bob.token());
    join(other, control.token());
    send(other, alice, "more news");
    awaitDigests(control, 2);
    Pause.sleep(2_000);
    assertThat(digests(bob)).hasSize(1);
  }

  /** RFC 8058: the mail program POSTs {@code List-Unsubscribe=One-Click}, with no cookie. */
  static HttpResponse<String> oneClick(URI link) {
    return Http.send(
        HttpRequest.newBuilder(link)
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
            .header("Content-Type", "application/x-www-form-urlencoded"));
  }

  @Test
  void addressesAreVerifiedBySignedLinksForTheCurrentAddressOnly() {
    String token = SharedInstance.newUser("maddr" + suffix());
    JsonObject none = ok(call("GET", "/user/me/email", token, null));
    assertThat(none.getString("email", null)).isNull();
    assertThat(none.getBoolean("verified")).isFalse();
    assertError(
        call("PUT", "/user/me/email", token, "{\"email\":\"not an address\"}"), 400, "email");
    assertError(call("PUT", "/user/me/email", token, "{\"email\":\"a@b\"}"), 400, "email");
    assertError(call("PUT", "/user/me/email", token, "{\"email\":5}"), 400, "email");
    assertError(call("PUT", "/user/me/email", token, "{}"), 400, "email");
    assertThat(
            call("GET", "/user/" + new org.bson.types.ObjectId() + "/email", token, null)
                .statusCode())
        .isEqualTo(403);

    Person person = unverified("mver");
    String link = verifyLink(person);
    HttpResponse<String> forged = Http.get(URI.create(link.replace("token=", "token=A")));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("not valid");

    // a new address makes the old link useless and starts unverified
    String newAddress = "new-" + person.address();
    ok(call("PUT", "/user/me/email", person.token(), "{\"email\":\"" + newAddress + "\"}"));
    assertThat(Http.get(URI.create(link)).statusCode()).isEqualTo(400);
    assertThat(ok(call("GET", "/user/me/email", person.token(), null)).getBoolean("verified"))
        .isFalse();
  }

  @Test
  void invitesByEmailAreMailedWhoeverOwnsTheAddress() {
    String inviter = SharedInstance.newUser("minv" + suffix());
    String room = Api.privateRoom(inviter);
    String invites = "/rooms/" + room + "/invites";
    String guest = "guest-" + suffix() + "@example.org";

    JsonObject invited =
        ok(
            call(
                "POST",
                invites,
                inviter,
                "{\"type\":\"email\",\"emailAddress\":\"" + guest + "\"}"));
    assertThat(invited.getString("status")).isEqualTo("invited");
    MimeMessage mail = awaitMails(guest, "", 1).get(0);
    String uri = uriOf(room, inviter);
    assertThat(subject(mail)).contains("invited you to " + uri);
    assertThat(part(mail, "text/plain")).contains("/" + uri);

    Person bob = verified("mguest");
    JsonObject toOwner =
        ok(call("POST", invites, inviter, "{\"email\":\"" + bob.address() + "\"}"));
    assertThat(toOwner.getString("status"))
        .as("an address someone verified is mailed like any other: nobody learns whose it is")
        .isEqualTo("invited");
    assertThat(toOwner.containsKey("user")).isFalse();
    assertThat(awaitMails(bob.address(), "", 2))
        .as("the verification mail, then the invite")
        .anyMatch(m -> subject(m).contains("invited you to " + uri));
    assertThat(
            Http.array(call("GET", "/rooms/" + room + "/users", inviter, null))
                .getValuesAs(JsonObject.class))
        .extracting(u -> u.getString("username"))
        .as("joining is the invited person's choice")
        .doesNotContain(bob.username());

    String stranger = SharedInstance.newUser("mstr" + suffix());
    assertThat(call("POST", invites, stranger, "{\"email\":\"" + guest + "\"}").statusCode())
        .isIn(403, 404);
    for (int i = 1; i < 9; i++) {
      ok(call("POST", invites, inviter, "{\"email\":\"g" + i + "-" + guest + "\"}"));
    }
    assertError(
        call("POST", invites, inviter, "{\"email\":\"g10-" + guest + "\"}"), 429, "Too many");
  }

  @Test
  void aDigestTheServerRefusedIsSentOnceItIsBack() throws IOException {
    Person bob = verified("mretry");
    String room = newRoom(alice);
    join(room, bob.token());
    SharedInstance.MAIL.close();
    try {
      send(room, alice, "while mail is down @" + bob.username());
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> instanceLogs().contains("Unread digest of " + bob.id() + " not taken"));
    } finally {
      SharedInstance.MAIL.start();
    }
    awaitDigests(bob, 1);
    Pause.sleep(4_000);
    assertThat(digests(bob)).hasSize(1);
  }

  @Test
  void twoInstancesSendEachDigestOnce() {
    GitterRun other = second.join();
    List<Person> people =
        List.of(verified("mtwo"), verified("mtwo"), verified("mtwo"), verified("mtwo"));
    String room = newRoom(alice);
    StringBuilder mentions = new StringBuilder("news for");
    for (Person p : people) {
      join(room, p.token());
      mentions.append(" @").append(p.username());
    }
    // the message goes through the second instance; both run the digest job on the same ticks
    Api.send(other, room, alice, mentions.toString());
    for (Person p : people) {
      awaitDigests(p, 1);
    }
    Pause.sleep(4_000);
    for (Person p : people) {
      assertThat(digests(p)).as(p.username()).hasSize(1);
    }
  }
}
