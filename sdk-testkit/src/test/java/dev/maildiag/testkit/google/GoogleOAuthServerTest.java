package dev.maildiag.testkit.google;

import dev.maildiag.api.Maildiag;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.tls.TestCa;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoogleOAuthServerTest {
  private static final Maildiag KNOWN = Maildiag.create();

  // the endpoints are HTTPS like Microsoft's: a client trusts the test CA, and nothing else
  private final OkHttpClient http = new OkHttpClient.Builder()
      .sslSocketFactory(TestCa.get().socketFactory(), TestCa.get().trustManager()).build();

  private String[] post(String url, String name, String value) throws IOException {
    Request r = new Request.Builder().url(url).post(new FormBody.Builder().add(name, value).build()).build();
    try (Response response = http.newCall(r).execute()) {
      return new String[] {Integer.toString(response.code()), response.body().string()};
    }
  }

  @Test
  void issuesAndDescribesItsTokensAndRefusesOthers() throws IOException {
    try (GoogleOAuthServer google = GoogleOAuthServer.start().issues("ya29.a", "https://mail.google.com/", "me@example.com")) {
      assertThat(google.tokenEndpoint()).startsWith("https://localhost:");
      assertThat(google.tokenInfoEndpoint()).startsWith("https://localhost:");
      String[] token = post(google.tokenEndpoint(), "grant_type", "refresh_token");
      assertThat(token[0]).isEqualTo("200");
      assertThat(token[1]).contains("\"access_token\":\"ya29.a\"").contains("\"scope\":\"https://mail.google.com/\"");
      String[] info = post(google.tokenInfoEndpoint(), "access_token", "ya29.a");
      assertThat(info[0]).isEqualTo("200");
      assertThat(info[1]).contains("\"email\":\"me@example.com\"").contains("\"aud\":\"" + GoogleSimulation.CLIENT_ID + "\"");
      String[] other = post(google.tokenInfoEndpoint(), "access_token", "ya29.unknown");
      assertThat(other[0]).isEqualTo("400");
      assertThat(other[1]).contains("Invalid Value");
    }
  }

  @Test
  void aClientWithoutTheTestCaIsRefusedTheHandshake() {
    try (GoogleOAuthServer google = GoogleOAuthServer.start()) {
      OkHttpClient jvmTrust = new OkHttpClient();
      Request r = new Request.Builder().url(google.tokenEndpoint()).post(new FormBody.Builder().add("a", "b").build()).build();
      assertThatThrownBy(() -> jvmTrust.newCall(r).execute().close()).isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void refusesWithGooglesErrorBody() throws IOException {
    try (GoogleOAuthServer google = GoogleOAuthServer.start().refuses(400, "invalid_grant", "Token has been expired or revoked.")) {
      String[] answer = post(google.tokenEndpoint(), "grant_type", "refresh_token");
      assertThat(answer[0]).isEqualTo("400");
      assertThat(answer[1]).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
    }
  }

  @Test
  void demoRunsEveryGoogleFailureModeNamedByAKnownRootCause() {
    assertThat(Scenarios.of("google").stream().filter(s -> s.signIn().isEmpty()).toList()).extracting(Scenario::failureMode)
        .containsExactlyInAnyOrderElementsOf(GoogleSimulation.FAILURES.keySet())
        .first().isEqualTo(Scenario.HEALTHY);
    // the sign-in failure modes (GoogleSignInScenarios) come with them, each a known root cause too
    assertThat(Scenarios.of("google").stream().filter(s -> s.signIn().isPresent()).toList()).extracting(Scenario::failureMode)
        .containsExactlyInAnyOrderElementsOf(GoogleSignInScenarios.all().stream().map(GoogleSignInScenarios.SignInFailure::id).toList());
    GoogleSignInScenarios.all().stream().map(GoogleSignInScenarios.SignInFailure::id).filter(f -> !f.equals(Scenario.HEALTHY))
        .forEach(f -> assertThat(KNOWN.rootCause(f)).as(f).isPresent());
    GoogleSimulation.FAILURES.keySet().stream().filter(f -> !f.equals(Scenario.HEALTHY))
        .forEach(f -> assertThat(KNOWN.rootCause(f)).as(f).isPresent());
  }
}
