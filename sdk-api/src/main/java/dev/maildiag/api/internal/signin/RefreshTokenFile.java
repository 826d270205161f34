package dev.maildiag.api.internal.signin;

import dev.maildiag.api.Secret;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Saves a refresh token to a file only its owner may read or write (POSIX 600), for an administrator who
 * asked for it explicitly. The file is created with those permissions (never readable by others, not even
 * briefly) next to the target and moved over it, so an existing file with looser permissions is replaced.
 * Refuses to write where permissions cannot be set (a non-POSIX file system).
 */
public final class RefreshTokenFile {
  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private RefreshTokenFile() {}

  public static void save(Secret refreshToken, Path file) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      throw new IOException("this file system cannot restrict the file to its owner (POSIX permissions), so the token is not saved");
    }
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = Files.createTempFile(dir, ".maildiag-token-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          Writer w = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
        w.write(refreshToken.reveal());
        w.write(System.lineSeparator());
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    Files.setPosixFilePermissions(target, OWNER_ONLY);
  }
}
