package org.gitterjakarta.ws.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.gitterjakarta.ws.realtime.BayeuxChannel.OpenChannel;
import org.gitterjakarta.ws.realtime.BayeuxChannel.Refused;
import org.gitterjakarta.ws.realtime.BayeuxChannel.RoomChannel;
import org.gitterjakarta.ws.realtime.BayeuxChannel.TokenChannel;
import org.gitterjakarta.ws.realtime.BayeuxChannel.UserChannel;
import org.junit.jupiter.api.Test;

class BayeuxChannelTest {

  static final String ROOM = "5f0c1e2d3c4b5a6978877665";
  static final String USER = "6a0b1c2d3e4f5a6b7c8d9e0f";

  @Test
  void namesRoomChannelsAndTheirResources() {
    assertThat(BayeuxChannel.parse("/api/v1/rooms/" + ROOM))
        .isEqualTo(new RoomChannel(ROOM, "", ""));
    assertThat(BayeuxChannel.parse("/api/v1/rooms/" + ROOM + "/chatMessages"))
        .isEqualTo(new RoomChannel(ROOM, "chatMessages", ""));
    assertThat(BayeuxChannel.parse("/api/v1/rooms/" + ROOM + "/chatMessages/" + USER + "/readBy"))
        .isEqualTo(new RoomChannel(ROOM, "chatMessages", "/" + USER + "/readBy"));
  }

  @Test
  void namesPersonalChannelsWithTheTroupesAlias() {
    assertThat(BayeuxChannel.parse("/api/v1/user/" + USER))
        .isEqualTo(new UserChannel(USER, "", null));
    assertThat(BayeuxChannel.parse("/api/v1/user/" + USER + "/troupes"))
        .isEqualTo(new UserChannel(USER, "rooms", null));
    assertThat(BayeuxChannel.parse("/api/v1/user/" + USER + "/rooms/" + ROOM + "/unreadItems"))
        .isEqualTo(new UserChannel(USER, "unreadItems", ROOM));
    assertThat(BayeuxChannel.parse("/api/v1/token/abc123")).isEqualTo(new TokenChannel("abc123"));
    assertThat(BayeuxChannel.parse("/api/v1/ping")).isInstanceOf(OpenChannel.class);
    assertThat(BayeuxChannel.parse("/api/v1/ping/mobile")).isInstanceOf(OpenChannel.class);
  }

  @Test
  void refusesMalformedIdsAndUnknownChannelsWithGittersErrors() {
    assertThat(BayeuxChannel.parse("/api/v1/rooms/not-an-id/chatMessages"))
        .isEqualTo(new Refused("400::Invalid ID"));
    assertThat(BayeuxChannel.parse("/api/v1/user/" + USER + "/rooms/zzz/unreadItems"))
        .isEqualTo(new Refused("400::Invalid ID"));
    assertThat(BayeuxChannel.parse("/api/v1/everything"))
        .isEqualTo(new Refused("404::Unknown subscription /api/v1/everything"));
    assertThat(BayeuxChannel.parse("/api/v1/user/" + USER + "/secrets"))
        .isInstanceOf(Refused.class);
    assertThat(BayeuxChannel.parse("/**")).isInstanceOf(Refused.class);
  }
}
