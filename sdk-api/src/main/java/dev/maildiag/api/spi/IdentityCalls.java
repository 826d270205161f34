package dev.maildiag.api.spi;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP calls to an identity platform's endpoints (token, user-info, token-info, discovery) the way the core
 * checks make them: the diagnosis' proxy decision and credentials, its trust and its connect, read and
 * check timeouts, and a bounded answer. Reach it with {@link CheckContext#identity()}. A call that gets no
 * HTTP answer at all (refused, unresolvable, timed out, TLS refused) throws {@link IOException}.
 */
public interface IdentityCalls {
  /** Most of an answer's body that is read; the rest is left unread. */
  int MAX_BODY_CHARS = 64 * 1024;

  /**
   * An HTTP GET with the given request headers (e.g. {@code Authorization}).
   *
   * @param url an HTTPS URL
   * @param headers request headers, possibly empty
   * @return the answer, whatever its status
   * @throws IOException when no HTTP answer came
   */
  Answer get(String url, Map<String, String> headers) throws IOException;

  /**
   * An HTTP POST of an {@code application/x-www-form-urlencoded} form; keeps secrets out of the URL.
   *
   * @param url an HTTPS URL
   * @param form the form's fields, in order
   * @return the answer, whatever its status
   * @throws IOException when no HTTP answer came
   */
  Answer postForm(String url, Map<String, String> form) throws IOException;

  /**
   * An HTTP answer.
   *
   * @param status the HTTP status code
   * @param headers the response headers, names in lower case
   * @param body the body as text, at most {@link #MAX_BODY_CHARS} characters
   */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    /**
     * An answer; headers are copied, a null body is empty.
     *
     * @param status see the record
     * @param headers see the record
     * @param body see the record
     */
    public Answer {
      headers = Map.copyOf(headers);
      body = body == null ? "" : body;
    }

    /**
     * The first value of a header (name in any case), or null.
     *
     * @param name the header's name
     * @return its first value, or null
     */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }
}
