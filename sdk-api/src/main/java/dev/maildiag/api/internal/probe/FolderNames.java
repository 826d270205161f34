package dev.maildiag.api.internal.probe;

import java.util.List;

/**
 * Folder names exactly as the server returned them.
 *
 * @param names top-level folder names, at most {@link #MAX} of them
 * @param truncated true when the server listed more
 */
public record FolderNames(List<String> names, boolean truncated) {
  public static final int MAX = 50;

  public FolderNames {
    names = List.copyOf(names);
  }
}
