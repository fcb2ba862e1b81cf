package org.storybank.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Operating-system processes known by pid, possibly started by another JVM. */
final class Processes {

  private static final Duration AFTER_KILL_WAIT = Duration.ofSeconds(5);

  private Processes() {}

  static Optional<Long> readPid(Path pidFile) {
    try {
      String text = Files.readString(pidFile).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void writePid(Path pidFile, long pid) {
    try {
      Files.writeString(pidFile, pid + "\n");
    } catch (IOException e) {
      throw new InfrastructureException(
          "cannot write " + pidFile + " (" + e.getMessage() + "): check permissions", e);
    }
  }

  /**
   * The live process of a pid file whose command line contains {@code marker} (guards against
   * reused pids).
   */
  static Optional<ProcessHandle> fromPidFile(Path pidFile, String marker) {
    return readPid(pidFile)
        .filter(pid -> isAlive(pid) && commandLineContains(pid, marker))
        .flatMap(ProcessHandle::of);
  }

  /**
   * Alive and not a zombie. Our PID 1 may not reap orphans, so a killed server whose parent JVM has
   * exited can linger as a zombie that {@link ProcessHandle#isAlive()} still reports as alive.
   */
  static boolean isAlive(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      String afterName = text.substring(text.lastIndexOf(')') + 1).trim();
      return !afterName.startsWith("Z") && !afterName.startsWith("X");
    } catch (IOException | RuntimeException e) {
      return !Files.isDirectory(Path.of("/proc/self")) && handle.get().isAlive();
    }
  }

  static boolean commandLineContains(long pid, String marker) {
    Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
    try {
      return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains(marker);
    } catch (IOException e) {
      // Without /proc we cannot tell; trust the pid file.
      return true;
    }
  }

  /** The process, its descendants, in that order. */
  static List<ProcessHandle> withDescendants(ProcessHandle process) {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process);
    process.descendants().forEach(all::add);
    return all;
  }

  /**
   * Sends SIGTERM to each process in order, giving each time to exit (their shared budget is {@code
   * grace}), then SIGKILLs whatever is left.
   */
  static void terminate(List<ProcessHandle> inOrder, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle process : inOrder) {
      if (isAlive(process.pid())) {
        process.destroy();
        awaitExit(process, deadline);
      }
    }
    long killDeadline = System.nanoTime() + AFTER_KILL_WAIT.toNanos();
    for (ProcessHandle process : inOrder) {
      if (isAlive(process.pid())) {
        process.destroyForcibly();
        awaitExit(process, killDeadline);
      }
    }
  }

  static boolean awaitExit(ProcessHandle process, long deadlineNanos) {
    while (isAlive(process.pid())) {
      if (System.nanoTime() > deadlineNanos) {
        return false;
      }
      sleep(Duration.ofMillis(100));
    }
    return true;
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for a local server", e);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale pid file is harmless: readers check that the pid is alive
    }
  }
}
