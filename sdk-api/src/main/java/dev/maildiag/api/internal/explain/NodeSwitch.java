package dev.maildiag.api.internal.explain;

/**
 * A response answered by another node than the one before it, in the same session.
 *
 * @param entry the HAR entry's index (from 0) or the probe request's number (from 1)
 * @param method the request method
 * @param url the request URL without query or fragment (codes and tokens live there)
 * @param status the response status
 * @param fromNode the node that answered before
 * @param toNode the node that answered this request
 * @param inOAuthFlow whether the switch happened between the start of the OAuth flow and its callback's follow-ups
 */
public record NodeSwitch(int entry, String method, String url, int status, String fromNode, String toNode, boolean inOAuthFlow) {}
