package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.assertError;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.okArray;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search through API v1 (§4.7): message search with words, prefixes, accents, CJK text, exclusions,
 * OR, from: and sent: ranges; room search; the room's people typeahead; read permission first.
 */
class SearchApiIT {

  static String alice;
  static String bob;
  static String carol;
  static String bobName;
  static String carolName;
  static String roomId;
  static String communityName;

  @BeforeAll
  static void roomWithHistory() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = SharedInstance.newUser("salice" + suffix);
    bobName = "sbob" + suffix;
    bob = SharedInstance.newUser(bobName);
    carolName = "scarol" + suffix;
    carol = SharedInstance.newUser(carolName);
    JsonObject group = community(alice);
    communityName = group.getString("name");
    roomId = group.getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    send(roomId, alice, "Deploying the release on Friday");
    send(roomId, alice, "Crème brûlée recipe, anyone?");
    send(roomId, alice, "我喜欢猫和狗");
    send(roomId, alice, "東京タワーに行く");
    send(roomId, alice, "beta release notes");
    send(roomId, bob, "release party tonight");
  }

  static List<String> found(String query) {
    return okArray(
            call(
                "GET",
                "/rooms/"
                    + roomId
                    + "/chatMessages?q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8),
                carol,
                null))
        .getValuesAs(JsonObject.class)
        .stream()
        .map(m -> m.getString("text"))
        .toList();
  }

  @Test
  void findsWordsAndPrefixesNewestFirst() {
    assertThat(found("release"))
        .containsExactly(
            "release party tonight", "beta release notes", "Deploying the release on Friday");
    assertThat(found("RELE")).hasSize(3);
    assertThat(found("deploy friday")).containsExactly("Deploying the release on Friday");
    assertThat(found("deploy AND notes")).isEmpty();
  }

  @Test
  void foldsAccentsAndSearchesChineseAndJapanese() {
    assertThat(found("creme brulee")).containsExactly("Crème brûlée recipe, anyone?");
    assertThat(found("BRÛL")).containsExactly("Crème brûlée recipe, anyone?");
    assertThat(found("喜欢")).containsExactly("我喜欢猫和狗");
    assertThat(found("猫")).containsExactly("我喜欢猫和狗");
    assertThat(found("タワー")).containsExactly("東京タワーに行く");
    assertThat(found("猫狗")).as("characters not next to each other").isEmpty();
  }

  @Test
  void understandsExclusionsOrSendersAndDates() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    assertThat(found("release -beta")).hasSize(2).doesNotContain("beta release notes");
    assertThat(found("friday OR party"))
        .containsExactly("release party tonight", "Deploying the release on Friday");
    assertThat(found("from:" + bobName + " release")).containsExactly("release party tonight");
    assertThat(found("from:@" + bobName)).containsExactly("release party tonight");
    assertThat(found("from:nobody-" + bobName)).isEmpty();
    assertThat(found("release sent:[" + today + " TO " + today + "]")).hasSize(3);
    assertThat(found("release sent:[2000-01-01 TO 2000-01-02]")).isEmpty();
  }

  @Test
  void pagesAndRefusesBadSearches() {
    String path = "/rooms/" + roomId + "/chatMessages?q=release";
    assertThat(okArray(call("GET", path + "&limit=2", carol, null))).hasSize(2);
    assertThat(okArray(call("GET", path + "&limit=2&skip=2", carol, null)))
        .extracting(m -> m.asJsonObject().getString("text"))
        .containsExactly("Deploying the release on Friday");
    assertError(
        call("GET", "/rooms/" + roomId + "/chatMessages?q=%20", carol, null), 400, "at least one");
    assertError(
        call(
            "GET",
            "/rooms/" + roomId + "/chatMessages?q=sent:%5Bsoon%20TO%20later%5D",
            carol,
            null),
        400,
        "soon");
  }

  @Test
  void searchesOnlyRoomsTheCallerMayRead() {
    String groupId = community(alice).getString("id");
    JsonObject secret =
        ok(
            call(
                "POST",
                "/groups/" + groupId + "/rooms",
                alice,
                "{\"name\":\"hidden\",\"topic\":\"zanzibar plans\",\"security\":{\"security\":\"PRIVATE\"}}"));
    send(secret.getString("id"), alice, "zanzibar budget");

    assertThat(
            call(
                    "GET",
                    "/rooms/" + secret.getString("id") + "/chatMessages?q=zanzibar",
                    carol,
                    null)
                .statusCode())
        .isEqualTo(403);
    assertThat(ok(call("GET", "/rooms?q=zanzibar", carol, null)).getJsonArray("results")).isEmpty();
    assertThat(ok(call("GET", "/rooms?q=zanzibar", alice, null)).getJsonArray("results"))
        .extracting(r -> r.asJsonObject().getString("id"))
        .containsExactly(secret.getString("id"));
    String word = communityName.split(" ")[1];
    assertThat(ok(call("GET", "/rooms?q=" + word, carol, null)).getJsonArray("results"))
        .as("public rooms by community name, for anyone")
        .extracting(r -> r.asJsonObject().getString("id"))
        .containsExactly(roomId);
    assertError(call("GET", "/rooms?q=%21%21", carol, null), 400, "at least one");
  }

  @Test
  void suggestsMembersOfTheRoomByName() {
    String prefix = bobName.substring(0, bobName.length() - 2);

    assertThat(okArray(call("GET", "/rooms/" + roomId + "/users?q=" + prefix, carol, null)))
        .extracting(u -> u.asJsonObject().getString("username"))
        .containsExactly(bobName);
    assertThat(okArray(call("GET", "/rooms/" + roomId + "/users?q=" + carolName, alice, null)))
        .as("not a member")
        .isEmpty();
  }
}
