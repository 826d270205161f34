package dev.maildiag.api;

/**
 * The product that runs the mail handler, when known, e.g. Jira 9.12.1 Data Center.
 *
 * @param name e.g. {@code jira} or {@code jira-service-management}
 * @param version e.g. {@code 9.12.1}
 * @param edition e.g. {@code data-center} or {@code server}, or null
 */
public record HostProduct(String name, String version, String edition) {}
