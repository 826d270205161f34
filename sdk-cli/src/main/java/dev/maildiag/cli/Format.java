package dev.maildiag.cli;

/** Output formats of the commands. */
enum Format {
  TEXT,
  JSON,
  /** One self-contained page; the demo writes a gallery of them. */
  HTML,
  /** GitHub-flavoured Markdown. */
  MARKDOWN
}
