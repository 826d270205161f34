package dev.maildiag.api.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoopbackListenerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private int get(int port, String pathAndQuery) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void bindsOnlyToLoopback() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start(0, "/", "s-1")) {
      assertThat(listener.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(listener.address().getAddress().isAnyLocalAddress()).isFalse();
      // not reachable on another local address of this machine (when it has one)
      InetAddress other = InetAddress.getLocalHost();
      if (!other.isLoopbackAddress()) {
        assertThatThrownBy(() -> new Socket(other, listener.port()).close()).isInstanceOf(ConnectException.class);
      }
    }
  }

  @Test
  void acceptsOnlyTheExpectedStateThenCloses() throws Exception {
    LoopbackListener listener = LoopbackListener.start(0, "/cb", "expected-state");
    int port = listener.port();
    assertThat(get(port, "/cb?code=forged&state=other")).isEqualTo(400);
    assertThat(get(port, "/cb?code=no-state")).isEqualTo(400);
    assertThat(get(port, "/elsewhere?code=c&state=expected-state")).isEqualTo(404);
    assertThat(listener.answer()).isNotDone();
    assertThat(get(port, "/cb?code=the-code&state=expected-state")).isEqualTo(200);
    Optional<Map<String, String>> answer = listener.await(Duration.ofSeconds(5));
    assertThat(answer).hasValueSatisfying(p -> assertThat(p).containsEntry("code", "the-code"));
    assertThat(listener.refusedRequests()).isEqualTo(3);
    // after its one answer the listener is gone
    assertThatThrownBy(() -> get(port, "/cb?code=again&state=expected-state")).isInstanceOf(IOException.class);
  }

  @Test
  void closesWhenItsTimeIsUp() throws Exception {
    LoopbackListener listener = LoopbackListener.start(0, "/", "s");
    int port = listener.port();
    long start = System.nanoTime();
    assertThat(listener.await(Duration.ofMillis(300))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThatThrownBy(() -> get(port, "/?code=late&state=s")).isInstanceOf(IOException.class);
  }

  @Test
  void refusesOtherMethods() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start(0, "/", "s")) {
      int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/?code=c&state=s"))
          .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertThat(status).isEqualTo(405);
      assertThat(listener.answer()).isNotDone();
    }
  }
}
