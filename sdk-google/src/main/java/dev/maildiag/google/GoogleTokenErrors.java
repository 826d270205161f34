package dev.maildiag.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Observation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Google's token and authorization errors by their {@code error} code and {@code error_description}
 * (RFC 6749 section 5.2 plus Google's own codes such as {@code admin_policy_enforced} and {@code org_internal}).
 */
final class GoogleTokenErrors implements Interpreter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CODE = Pattern.compile(
      "\\b(invalid_grant|invalid_client|unauthorized_client|deleted_client|disabled_client|admin_policy_enforced|org_internal"
          + "|access_denied|invalid_scope|redirect_uri_mismatch)\\b");
  private static final Pattern DESCRIPTION = Pattern.compile("error_description\\W{1,6}([^\"'}\\n]+)");
  static final String TESTING_7_DAYS = "an app whose OAuth consent screen is in \"Testing\" publishing status gets refresh tokens"
      + " that expire after 7 days (publish it: OAuth consent screen > Audience > Publish app), then authorize again";

  @Override
  public List<Candidate> interpret(Observation o) {
    if (o.stage() != null && o.stage() != Stage.OAUTH || !GoogleObservations.fromGoogle(o)) {
      return List.of();
    }
    String[] error = error(o.text());
    if (error == null) {
      return phrases(o);
    }
    String code = error[0];
    String description = error[1] == null ? "" : error[1];
    String d = description.toLowerCase(Locale.ROOT);
    List<Candidate> out = new ArrayList<>();
    switch (code) {
      case "invalid_grant":
        if (d.contains("invalid jwt") || d.contains("signature")) {
          add(out, o, RootCause.CLIENT_SECRET_INVALID, 0.75, "invalid_grant for a service account's signed JWT: its key is wrong or revoked");
        } else {
          add(out, o, RootCause.REFRESH_TOKEN_INVALID, d.contains("expired or revoked") ? 0.95 : 0.85,
              "invalid_grant: the refresh token has expired or was revoked; " + TESTING_7_DAYS);
          add(out, o, RootCause.APP_UNVERIFIED, 0.3, "weekly invalid_grant means the app is still in \"Testing\" status");
        }
        break;
      case "invalid_client":
        if (d.contains("not found")) {
          add(out, o, RootCause.APP_NOT_FOUND, 0.9, "invalid_client: the OAuth client was not found (wrong or deleted client id)");
        } else {
          add(out, o, RootCause.CLIENT_SECRET_INVALID, 0.85, "invalid_client: Google refuses the client secret for this client id (Cloud console > APIs & Services > Credentials)");
          add(out, o, RootCause.APP_NOT_FOUND, 0.35, "invalid_client also follows a mistyped client id");
        }
        break;
      case "deleted_client":
        add(out, o, RootCause.APP_NOT_FOUND, 0.95, "deleted_client: the OAuth client was deleted");
        break;
      case "disabled_client":
        add(out, o, RootCause.APP_NOT_FOUND, 0.85, "disabled_client: the OAuth client was disabled");
        break;
      case "unauthorized_client":
        if (d.contains("scopes requested")) {
          add(out, o, RootCause.ADMIN_POLICY_BLOCKED, 0.8,
              "unauthorized_client for the requested scopes: domain-wide delegation is not granted in the Admin console");
        } else {
          add(out, o, RootCause.CLIENT_SECRET_INVALID, 0.6,
              "unauthorized_client: the refresh token was issued to another client id, or this client may not use the grant");
          add(out, o, RootCause.APP_NOT_FOUND, 0.45, "unauthorized_client: the client id is not the one that issued the token");
          add(out, o, RootCause.ADMIN_POLICY_BLOCKED, 0.3, "unauthorized_client: a service account without domain-wide delegation");
        }
        break;
      case "admin_policy_enforced":
        add(out, o, RootCause.ADMIN_POLICY_BLOCKED, 0.95,
            "admin_policy_enforced: the Workspace admin blocks this app (Admin console > Security > Access and data control > API controls)");
        break;
      case "org_internal":
        add(out, o, RootCause.ADMIN_POLICY_BLOCKED, 0.9,
            "org_internal: the app is Internal to another organization, so this account may not use it");
        break;
      case "access_denied":
        if (d.contains("verification") || d.contains("being tested") || d.contains("unverified") || d.contains("test user")) {
          add(out, o, RootCause.APP_UNVERIFIED, 0.9, "access_denied: the app is unverified or in Testing and the user is not a test user");
        } else {
          add(out, o, RootCause.CONSENT_REQUIRED, 0.5, "access_denied: the user or an administrator refused consent");
          add(out, o, RootCause.ADMIN_POLICY_BLOCKED, 0.4, "access_denied: an administrator policy may refuse the app");
        }
        break;
      case "invalid_scope":
        add(out, o, RootCause.SCOPES, 0.9, "invalid_scope: Google refuses the requested scope");
        break;
      case "redirect_uri_mismatch":
        add(out, o, RootCause.REDIRECT_URI_MISMATCH, 0.9, "redirect_uri_mismatch: the redirect URI is not registered for the client");
        break;
      default:
        break;
    }
    return out;
  }

  /** Google's sign-in pages say some refusals only in words. */
  private static List<Candidate> phrases(Observation o) {
    String t = o.text().toLowerCase(Locale.ROOT);
    List<Candidate> out = new ArrayList<>();
    if (t.contains("authorized email doesn't match") || t.contains("authorized email does not match")) {
      add(out, o, RootCause.WRONG_USER_AUTHORIZED, 0.9, "the account that authorized is not the mailbox's: authorize again in a private window");
    } else if (t.contains("sign in with google temporarily disabled")) {
      add(out, o, RootCause.ADMIN_POLICY_BLOCKED, 0.7, "Google has disabled sign-in for this app (policy or review pending)");
      add(out, o, RootCause.APP_UNVERIFIED, 0.6, "Google disables sign-in for apps that need verification");
    }
    return out;
  }

  private static void add(List<Candidate> out, Observation o, String rootCause, double confidence, String reason) {
    out.add(new Candidate(rootCause, GoogleObservations.weigh(o, confidence), reason));
  }

  /** The error code and description, from a JSON body when there is one, else from the words. */
  static String[] error(String text) {
    int open = text.indexOf('{');
    int close = text.lastIndexOf('}');
    if (open >= 0 && close > open) {
      try {
        JsonNode json = JSON.readTree(text.substring(open, close + 1));
        JsonNode node = json.has("error") ? json : json.path("responseJSON").has("error") ? json.path("responseJSON") : json.path("data");
        if (node.path("error").isTextual()) {
          String code = node.get("error").asText();
          if (CODE.matcher(code).matches()) {
            return new String[] {code, node.path("error_description").asText(null)};
          }
        }
      } catch (IOException e) {
        // not JSON after all (e.g. a Python dict); the words below still say it
      }
    }
    Matcher m = CODE.matcher(text);
    if (!m.find()) {
      if (text.contains("The OAuth client was deleted")) {
        return new String[] {"deleted_client", null};
      }
      return null;
    }
    Matcher d = DESCRIPTION.matcher(text);
    return new String[] {m.group(1), d.find() ? d.group(1).trim() : text};
  }
}
