package org.storybank.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Test instance dirs that the storybank user can reach when tests run as root (JUnit's @TempDir is
 * 0700 in /tmp).
 */
final class InstanceDirs {

  private InstanceDirs() {}

  static Path create(String prefix) throws IOException {
    Path parent =
        ServiceUser.callerIsRoot()
            ? Path.of("/var/tmp")
            : Path.of(System.getProperty("java.io.tmpdir"));
    Path dir = Files.createTempDirectory(parent, prefix);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  static void delete(Path dir) {
    if (dir != null) {
      ElasticsearchDistribution.deleteRecursively(dir);
    }
  }
}
