package dev.maildiag.api;

import java.time.Duration;

/**
 * When a folder counts as flooded.
 *
 * @param floodThreshold message count above which the folder is reported as flooded
 * @param growthSampleWindow how long to watch the count grow; zero to skip sampling
 * @param growthPerMinuteThreshold growth rate (messages per minute) reported as flooding
 */
public record MailboxLimits(int floodThreshold, Duration growthSampleWindow, int growthPerMinuteThreshold) {
  public static final MailboxLimits DEFAULT = new MailboxLimits(10_000, Duration.ZERO, 100);
}
