package org.storybank.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The unprivileged user {@value #NAME} that runs Elasticsearch when the caller is root
 * (Elasticsearch refuses to run as root).
 */
final class ServiceUser {

  static final String NAME = "storybank";

  private ServiceUser() {}

  static boolean callerIsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The command prefix that runs a command as {@value #NAME}. */
  static List<String> runAs() {
    return List.of("runuser", "-u", NAME, "--");
  }

  static synchronized void ensureExists() {
    if (run(List.of("id", "-u", NAME)) == 0) {
      return;
    }
    int exitCode =
        run(
            List.of(
                "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
    // 9: another process created it meanwhile
    if (exitCode != 0 && exitCode != 9) {
      throw new InfrastructureException(
          "cannot create system user "
              + NAME
              + " (useradd exit code "
              + exitCode
              + "): create it yourself with useradd --system --no-create-home "
              + NAME);
    }
  }

  static void chownRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      UserPrincipal owner =
          root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(NAME);
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (!Files.isSymbolicLink(path)) {
          Files.setOwner(path, owner);
        }
      }
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot hand "
              + root
              + " to user "
              + NAME
              + " ("
              + e.getMessage()
              + "): use a directory on a local file system",
          e);
    }
  }

  /**
   * Fails unless {@value #NAME} can reach {@code dir}: every ancestor must be searchable by others
   * or owned by it.
   */
  static void requireReachable(Path dir, String what) {
    for (Path ancestor = dir.toAbsolutePath().getParent();
        ancestor != null;
        ancestor = ancestor.getParent()) {
      if (!searchableByServiceUser(ancestor)) {
        throw new InfrastructureException(
            what
                + " "
                + dir
                + " is not reachable by user "
                + NAME
                + " because "
                + ancestor
                + " is not searchable by others (Elasticsearch cannot run as root): "
                + "use a directory outside it, e.g. under /var/tmp or /srv");
      }
    }
  }

  private static boolean searchableByServiceUser(Path dir) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
      return permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
          || NAME.equals(Files.getOwner(dir).getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot run "
              + String.join(" ", command)
              + " ("
              + e.getMessage()
              + "): install "
              + command.get(0),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while running " + command.get(0), e);
    }
  }
}
