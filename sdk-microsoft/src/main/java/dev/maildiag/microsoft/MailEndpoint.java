package dev.maildiag.microsoft;

import dev.maildiag.api.Security;

/** Where a protocol's mail clients connect in one cloud. */
public record MailEndpoint(String host, int port, Security security) {}
