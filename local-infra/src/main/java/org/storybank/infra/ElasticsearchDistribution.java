package org.storybank.infra;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Elasticsearch integ-test distribution, unpacked once into a cache shared by all instances.
 */
final class ElasticsearchDistribution {

  static final String VERSION = "9.5.3";
  static final String CACHE_DIR_ENV = "STORYBANK_CACHE_DIR";

  private static final Set<PosixFilePermission> READABLE_BY_ALL =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private ElasticsearchDistribution() {}

  /**
   * The unpacked distribution (ES_HOME), unpacking it first if this is the first use of the cache.
   */
  static synchronized Path home() {
    Path home = cacheRoot().resolve("elasticsearch-" + VERSION);
    if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
      unpack(RuntimeResources.elasticsearchZip(), home);
    }
    return home;
  }

  /** {@code $STORYBANK_CACHE_DIR}, else /var/cache/storybank for root, else ~/.cache/storybank. */
  static Path cacheRoot() {
    String override = System.getenv(CACHE_DIR_ENV);
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    if (ServiceUser.callerIsRoot()) {
      return Path.of("/var/cache/storybank");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "storybank");
  }

  /**
   * Unpacks into a temporary sibling and renames it, so a half-unpacked directory is never taken
   * for the real one.
   */
  private static void unpack(Path zip, Path home) {
    Path unpacking = null;
    try {
      Files.createDirectories(home.getParent());
      unpacking =
          Files.createTempDirectory(home.getParent(), "." + home.getFileName() + ".unpacking-");
      extractStrippingTopDirectory(zip, unpacking);
      Files.setPosixFilePermissions(unpacking, READABLE_BY_ALL);
      if (ServiceUser.callerIsRoot()) {
        ServiceUser.ensureExists();
        ServiceUser.chownRecursively(unpacking);
      }
      Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
      unpacking = null;
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // another JVM finished unpacking first; its copy is complete because it was renamed into
      // place
    } catch (AtomicMoveNotSupportedException e) {
      throw new InfrastructureException(
          "cannot rename into "
              + home
              + " atomically: set "
              + CACHE_DIR_ENV
              + " to a directory on a local file system",
          e);
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot unpack "
              + zip
              + " into "
              + home.getParent()
              + " ("
              + e
              + "): check free space and permissions, or set "
              + CACHE_DIR_ENV,
          e);
    } finally {
      if (unpacking != null) {
        deleteRecursively(unpacking);
      }
    }
  }

  private static void extractStrippingTopDirectory(Path zip, Path target) throws IOException {
    List<Map.Entry<Path, Set<PosixFilePermission>>> directoryPermissions = new ArrayList<>();
    try (FileSystem zipFs =
            FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
        Stream<Path> entries = Files.walk(zipFs.getPath("/"))) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (entry.getNameCount() < 2) {
          continue;
        }
        Path destination = target.resolve(entry.subpath(1, entry.getNameCount()).toString());
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(entry);
        if (Files.isDirectory(entry)) {
          Files.createDirectories(destination);
          directoryPermissions.add(Map.entry(destination, permissions));
        } else {
          Files.createDirectories(destination.getParent());
          Files.copy(entry, destination);
          Files.setPosixFilePermissions(destination, permissions);
        }
      }
    }
    // Directories last: a restrictive directory mode must not block writing its files.
    for (Map.Entry<Path, Set<PosixFilePermission>> directory : directoryPermissions.reversed()) {
      Files.setPosixFilePermissions(directory.getKey(), directory.getValue());
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // best effort: leftovers in a temp or cache directory do no harm
    }
  }
}
