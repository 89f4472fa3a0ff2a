package org.gitterjakarta.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.messages.boundary.HistoryQuery;
import org.junit.jupiter.api.Test;

/** Which requests the filter answers itself; everything else must reach JAX-RS. */
class HistoryFastPathTest {

  static final String ROOM = "0123456789abcdef01234567";
  static final String PAGE = "/api/v1/rooms/" + ROOM + "/chatMessages";

  @Test
  void takesAPlainHistoryGetWithItsPagingParameters() {
    assertThat(HistoryFastPath.roomOf(get(PAGE, ""))).isEqualTo(ROOM);
    assertThat(HistoryFastPath.roomOf(get(PAGE, "limit=5&beforeId=" + ROOM + "&lean=true")))
        .isEqualTo(ROOM);
    assertThat(HistoryFastPath.roomOf(get(PAGE, "access_token=x&lookups=user&skip=2")))
        .isEqualTo(ROOM);
    assertThat(HistoryFastPath.roomOf(get(PAGE, "", "Accept", "application/json"))).isEqualTo(ROOM);
    assertThat(HistoryFastPath.roomOf(get(PAGE, "", "Accept", "text/html, */*"))).isEqualTo(ROOM);
    assertThat(
            HistoryFastPath.roomOf(
                get(PAGE, "", "Content-Type", "application/json; charset=utf-8")))
        .isEqualTo(ROOM);
  }

  @Test
  void leavesEverythingElseToJaxRs() {
    assertThat(HistoryFastPath.roomOf(request("POST", PAGE, ""))).isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE, "q=hello"))).as("search").isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE, "marker=first-unread"))).isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE, "limit=5&unknown=1"))).isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE + "/", ""))).as("trailing slash").isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE + ";v=1", ""))).as("matrix").isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE.replace("rooms", "r%6foms"), ""))).isNull();
    assertThat(HistoryFastPath.roomOf(get("/api/v1/rooms/nothex/chatMessages", ""))).isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE + "/" + ROOM, ""))).as("one message").isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE, "", "If-Match", "\"x\""))).isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE, "", "Accept", "text/html"))).isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE, "", "Accept", "application/json;q=0")))
        .as("a weight")
        .isNull();
    assertThat(HistoryFastPath.roomOf(get(PAGE, "", "Content-Type", "text/plain"))).isNull();
  }

  @Test
  void convertsValuesAsJaxRsOrLeavesThemToIt() {
    HistoryQuery query =
        HistoryFastPath.query(get(PAGE, "limit=7&skip=2&includeThreads=TRUE")).orElseThrow();
    assertThat(query.limit()).isEqualTo(7);
    assertThat(query.skip()).isEqualTo(2);
    assertThat(query.includeThreads()).isTrue();
    assertThat(
            HistoryFastPath.query(get(PAGE, "includeThreads=yes")).orElseThrow().includeThreads())
        .isFalse();
    assertThat(HistoryFastPath.query(get(PAGE, "limit=many"))).isEmpty();
    assertThat(HistoryFastPath.query(get(PAGE, "limit="))).isEmpty();
    assertThat(HistoryFastPath.query(get(PAGE, "skip=99999999999"))).isEmpty();
  }

  @Test
  void joinsARepeatedHeaderAsJaxRsDoes() {
    var request = get(PAGE, "", "x-access-token", "a", "x-access-token", "b");
    assertThat(HistoryFastPath.header(request, "x-access-token")).isEqualTo("a,b");
    assertThat(HistoryFastPath.header(request, "Authorization")).isNull();
  }

  static HttpServletRequest get(String uri, String query, String... headers) {
    return request("GET", uri, query, headers);
  }

  /** Just what the filter reads of a request: method, path, parameters and headers. */
  static HttpServletRequest request(String method, String uri, String query, String... headers) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
      String[] nameValue = pair.split("=", 2);
      parameters
          .computeIfAbsent(decode(nameValue[0]), name -> new ArrayList<>())
          .add(nameValue.length > 1 ? decode(nameValue[1]) : "");
    }
    Map<String, List<String>> headerValues = new LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      headerValues
          .computeIfAbsent(headers[i].toLowerCase(), name -> new ArrayList<>())
          .add(headers[i + 1]);
    }
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, called, arguments) ->
                switch (called.getName()) {
                  case "getMethod" -> method;
                  case "getRequestURI" -> uri;
                  case "getContextPath" -> "/api";
                  case "getParameterNames" -> Collections.enumeration(parameters.keySet());
                  case "getParameter" -> first(parameters.get((String) arguments[0]));
                  case "getHeader" ->
                      first(headerValues.get(((String) arguments[0]).toLowerCase()));
                  case "getHeaders" ->
                      Collections.enumeration(
                          headerValues.getOrDefault(
                              ((String) arguments[0]).toLowerCase(), List.of()));
                  default -> throw new UnsupportedOperationException(called.getName());
                });
  }

  private static String first(List<String> values) {
    return values == null ? null : values.get(0);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
