package dev.maildiag.microsoft;

import static dev.maildiag.api.RootCauses.ADMIN_POLICY_BLOCKED;
import static dev.maildiag.api.RootCauses.APP_NOT_FOUND;
import static dev.maildiag.api.RootCauses.CLIENT_SECRET_EXPIRED;
import static dev.maildiag.api.RootCauses.CLIENT_SECRET_INVALID;
import static dev.maildiag.api.RootCauses.CLOUD_MISMATCH;
import static dev.maildiag.api.RootCauses.CONDITIONAL_ACCESS;
import static dev.maildiag.api.RootCauses.CONSENT_REQUIRED;
import static dev.maildiag.api.RootCauses.INVALID_CONFIGURATION;
import static dev.maildiag.api.RootCauses.REDIRECT_URI_MISMATCH;
import static dev.maildiag.api.RootCauses.REFRESH_TOKEN_INVALID;
import static dev.maildiag.api.RootCauses.SCOPES;
import static dev.maildiag.api.RootCauses.SINGLE_TENANT_ENDPOINT;
import static dev.maildiag.api.RootCauses.TENANT_NOT_FOUND;
import static dev.maildiag.api.RootCauses.THROTTLED;
import static dev.maildiag.api.RootCauses.WRONG_USER_AUTHORIZED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft identity platform error codes ({@code AADSTS<n>}) and the root cause each points to.
 * Source for every entry unless noted: https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 * ([codes]); [corpus] marks entries also seen in maildiag's labelled corpus of real error texts, [ee] in
 * EmailEngine's token-error mapping (postalsys/emailengine lib/oauth/outlook.js).
 */
public final class AadstsCodes {
  /** One code: the root cause it points to, how sure that is, and Microsoft's name for it. */
  public record Code(String code, String rootCause, double confidence, String meaning) {}

  private static final Map<String, Code> CODES = new LinkedHashMap<>();

  static {
    // client credentials
    add("7000222", CLIENT_SECRET_EXPIRED, 0.97, "InvalidClientSecretExpiredKeysProvided: the client secret has expired [codes][corpus][ee]");
    add("7000215", CLIENT_SECRET_INVALID, 0.95, "Invalid client secret provided; often the secret's id was pasted instead of its value [codes][ee]");
    add("7000218", CLIENT_SECRET_INVALID, 0.8, "The request must contain client_assertion or client_secret: no secret was sent for a confidential client [codes]");
    add("700027", CLIENT_SECRET_INVALID, 0.6, "Client assertion failed signature validation [codes]");
    // app and tenant
    add("700016", APP_NOT_FOUND, 0.95, "UnauthorizedClient_DoesNotMatchRequest: the application was not found in the directory [codes][ee]");
    add("90002", TENANT_NOT_FOUND, 0.9, "InvalidTenantName: the tenant was not found; it may be in another cloud [codes]");
    add("50194", SINGLE_TENANT_ENDPOINT, 0.97, "The application is not multi-tenant; /common is not supported for it [codes][corpus]");
    add("50059", SINGLE_TENANT_ENDPOINT, 0.8, "MissingTenantRealmAndNoUserInformationProvided: no tenant in the request (/common with client credentials) [codes]");
    add("7000112", ADMIN_POLICY_BLOCKED, 0.9, "UnauthorizedClientApplicationDisabled: the application is disabled [codes]");
    add("50105", ADMIN_POLICY_BLOCKED, 0.85, "EntitlementGrantsNotFound: the user is not assigned to the application [codes]");
    add("900382", CLOUD_MISMATCH, 0.95, "Confidential Client is not supported in Cross Cloud request [codes][corpus]");
    add("500011", SCOPES, 0.75, "InvalidResourceServicePrincipalNotFound: the scope's resource is not in the tenant (wrong resource or cloud) [codes]");
    add("70011", SCOPES, 0.9, "InvalidScope: the scope requested is invalid [codes]");
    add("28002", SCOPES, 0.8, "Invalid scope value for the resource [codes]");
    add("28003", SCOPES, 0.8, "The scope must not be empty [codes]");
    add("650057", SCOPES, 0.75, "InvalidResource: the app registration does not list this permission [codes]");
    // consent
    add("65001", CONSENT_REQUIRED, 0.95, "DelegationDoesNotExist: the user or administrator has not consented [codes][corpus]");
    add("65004", CONSENT_REQUIRED, 0.9, "UserDeclinedConsent [codes]");
    add("90094", CONSENT_REQUIRED, 0.9, "AdminConsentRequired: the grant needs administrator consent [codes]");
    add("90099", CONSENT_REQUIRED, 0.8, "The application has not been authorized in the tenant [codes]");
    // sign-in policy
    add("50076", CONDITIONAL_ACCESS, 0.9, "UserStrongAuthRequired: MFA is required [codes]");
    add("50079", CONDITIONAL_ACCESS, 0.9, "UserStrongAuthEnrollmentRequired: MFA registration is required [codes]");
    add("53003", CONDITIONAL_ACCESS, 0.95, "BlockedByConditionalAccess: access blocked by a conditional-access policy [codes]");
    add("53000", CONDITIONAL_ACCESS, 0.9, "DeviceNotCompliant [codes]");
    add("53001", CONDITIONAL_ACCESS, 0.9, "DeviceNotDomainJoined [codes]");
    add("50158", CONDITIONAL_ACCESS, 0.85, "ExternalSecurityChallenge not satisfied [codes]");
    add("50097", CONDITIONAL_ACCESS, 0.8, "DeviceAuthenticationRequired [codes]");
    add("50005", CONDITIONAL_ACCESS, 0.8, "DevicePolicyError: the device platform is blocked by policy [codes]");
    // refresh token and grant
    add("700082", REFRESH_TOKEN_INVALID, 0.95, "ExpiredOrRevokedGrant: the refresh token expired due to inactivity [codes]");
    add("70008", REFRESH_TOKEN_INVALID, 0.95, "ExpiredOrRevokedGrant: the refresh token or code has expired or was revoked [codes]");
    add("50173", REFRESH_TOKEN_INVALID, 0.9, "FreshTokenNeeded: the grant expired because the password changed or sessions were revoked [codes]");
    add("700084", REFRESH_TOKEN_INVALID, 0.9, "The refresh token was issued to a single-page app and has expired [codes]");
    add("70000", REFRESH_TOKEN_INVALID, 0.8, "InvalidGrant: the grant is invalid or malformed [codes]");
    add("54005", REFRESH_TOKEN_INVALID, 0.7, "OAuth2 authorization code was already redeemed [codes]");
    add("50089", REFRESH_TOKEN_INVALID, 0.7, "Flow token expired [codes]");
    add("50132", REFRESH_TOKEN_INVALID, 0.8, "SsoArtifactInvalidOrExpired: the session is not valid (password expired or changed) [codes]");
    // redirect URI and request shape
    add("50011", REDIRECT_URI_MISMATCH, 0.97, "InvalidReplyTo: the redirect URI does not match the app's [codes][corpus]");
    add("500113", REDIRECT_URI_MISMATCH, 0.9, "No reply address is registered for the application [codes]");
    add("900144", INVALID_CONFIGURATION, 0.7, "The request body must contain a required parameter [codes]");
    add("90014", INVALID_CONFIGURATION, 0.7, "A required field is missing from the request [codes]");
    add("9002313", INVALID_CONFIGURATION, 0.6, "Invalid request: malformed or missing parameters [codes]");
    // user
    add("50020", WRONG_USER_AUTHORIZED, 0.7, "UserUnauthorized: the user's account does not exist in the tenant (another account signed in) [codes][corpus]");
    add("50034", WRONG_USER_AUTHORIZED, 0.6, "UserAccountNotFound: the account does not exist in this directory [codes]");
    add("50196", THROTTLED, 0.7, "LoopDetected: the client keeps asking for tokens [codes]");
  }

  private static final Pattern CODE = Pattern.compile("AADSTS(\\d+)");

  private AadstsCodes() {}

  private static void add(String code, String rootCause, double confidence, String meaning) {
    CODES.put(code, new Code(code, rootCause, confidence, meaning));
  }

  /** The entry for a number (without the {@code AADSTS} prefix). */
  public static Optional<Code> find(String code) {
    return Optional.ofNullable(CODES.get(code));
  }

  /** Every known code, in table order. */
  public static List<Code> all() {
    return List.copyOf(CODES.values());
  }

  /** The {@code AADSTS} numbers in a text, in order of appearance. */
  public static List<String> in(String text) {
    List<String> found = new java.util.ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      if (!found.contains(m.group(1))) {
        found.add(m.group(1));
      }
    }
    return found;
  }
}
