package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachedBodyRequestTest {

  static final byte[] BODY = "[{\"channel\":\"/meta/handshake\"}]".getBytes(StandardCharsets.UTF_8);

  final CachedBodyRequest cut = new CachedBodyRequest(request(), BODY);

  @Test
  void replaysTheBodyToBlockingReaders() throws Exception {
    assertThat(cut.getInputStream().readAllBytes()).isEqualTo(BODY);
    assertThat(cut.getReader().readLine()).isEqualTo(new String(BODY, StandardCharsets.UTF_8));
    assertThat(cut.getContentLengthLong()).isEqualTo(BODY.length);
  }

  @Test
  void signalsAnAsynchronousReaderOnceAndLetsItReadToTheEnd() throws Exception {
    var stream = cut.getInputStream();
    List<String> calls = new ArrayList<>();
    byte[] read = new byte[BODY.length];

    stream.setReadListener(
        new ReadListener() {
          @Override
          public void onDataAvailable() throws java.io.IOException {
            calls.add("data");
            int n;
            int offset = 0;
            while (stream.isReady()
                && !stream.isFinished()
                && (n = stream.read(read, offset, read.length - offset)) > 0) {
              offset += n;
            }
          }

          @Override
          public void onAllDataRead() {
            calls.add("all");
          }

          @Override
          public void onError(Throwable t) {
            calls.add("error");
          }
        });

    assertThat(calls).containsExactly("data");
    assertThat(read).isEqualTo(BODY);
    assertThat(stream.isFinished()).isTrue();
  }

  @Test
  void reportsAnEmptyBodyAsFullyRead() {
    var stream = new CachedBodyRequest(request(), new byte[0]).getInputStream();
    List<String> calls = new ArrayList<>();

    stream.setReadListener(
        new ReadListener() {
          @Override
          public void onDataAvailable() {
            calls.add("data");
          }

          @Override
          public void onAllDataRead() {
            calls.add("all");
          }

          @Override
          public void onError(Throwable t) {
            calls.add("error");
          }
        });

    assertThat(calls).containsExactly("all");
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            CachedBodyRequestTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getCharacterEncoding") ? "UTF-8" : null);
  }
}
