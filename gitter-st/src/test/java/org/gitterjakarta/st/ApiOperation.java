package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;

/**
 * One operation of the OpenAPI document the running instance serves at {@code GET /openapi}: its
 * path template, parameters (query parameters with their schema type) and whether it takes a body.
 */
record ApiOperation(
    String method,
    String template,
    List<String> pathParameters,
    Map<String, String> queryParameters,
    boolean takesBody) {

  /** Every operation the instance documents, in the document's order. */
  static List<ApiOperation> documented(GitterRun gitter) {
    var response = Http.get(gitter.uri("/openapi"), "Accept", "application/json");
    assertThat(response.statusCode())
        .as("GET /openapi: %s", HostileRequests.shorten(response.body()))
        .isEqualTo(200);
    List<ApiOperation> operations = new ArrayList<>();
    Http.object(response)
        .getJsonObject("paths")
        .forEach(
            (template, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) ->
                            operations.add(of(method, template, operation.asJsonObject()))));
    return operations;
  }

  private static ApiOperation of(String method, String template, JsonObject operation) {
    List<String> path = new ArrayList<>();
    Map<String, String> query = new LinkedHashMap<>();
    JsonValue parameters = operation.getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY);
    for (JsonValue value : parameters.asJsonArray()) {
      JsonObject parameter = value.asJsonObject();
      String name = parameter.getString("name");
      switch (parameter.getString("in")) {
        case "path" -> path.add(name);
        case "query" ->
            query.put(name, parameter.getJsonObject("schema").getString("type", "string"));
        default -> {
          // headers: the guard sends its own Authorization variants
        }
      }
    }
    return new ApiOperation(
        method.toUpperCase(), template, path, query, operation.containsKey("requestBody"));
  }

  /**
   * Where the template is served: API v1 paths by the API WAR under {@code /api}, the rest (OAuth
   * under {@code /login/oauth}) by the web WAR at the root.
   */
  String url(Map<String, String> pathValues) {
    String path = template;
    for (var value : pathValues.entrySet()) {
      path = path.replace("{" + value.getKey() + "}", value.getValue());
    }
    return (isApi() ? "/api" : "") + path;
  }

  boolean isApi() {
    return template.startsWith("/v1/");
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
