package dev.maildiag.cli;

/** Output formats of the commands. */
enum Format {
  TEXT,
  JSON
}
