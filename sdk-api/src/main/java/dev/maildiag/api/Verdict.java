package dev.maildiag.api;

/** The overall result of a diagnosis: the worst severity among its findings. */
public enum Verdict {
  OK,
  WARNING,
  ERROR
}
