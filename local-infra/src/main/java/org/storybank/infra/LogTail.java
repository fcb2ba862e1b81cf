package org.storybank.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The last lines of server logs, for failure messages. */
final class LogTail {

  private static final int MAX_BYTES = 32 * 1024;

  private LogTail() {}

  static String of(List<Path> files, int lines) {
    return files.stream()
        .filter(Files::isRegularFile)
        .map(
            file ->
                "--- last lines of "
                    + file
                    + " ---"
                    + System.lineSeparator()
                    + lastLines(file, lines))
        .collect(Collectors.joining(System.lineSeparator()));
  }

  static String lastLines(Path file, int lines) {
    String text = readEnd(file);
    List<String> all = Arrays.asList(text.split("\\R"));
    return String.join(
        System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /**
   * Whether the text appended to {@code file} after byte {@code offset} contains {@code needle}.
   */
  static boolean containsAfter(Path file, long offset, String needle) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return false;
      }
      in.seek(offset);
      byte[] bytes = new byte[(int) Math.min(length - offset, 16L * 1024 * 1024)];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).contains(needle);
    } catch (IOException e) {
      return false;
    }
  }

  static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String readEnd(Path file) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read: " + e.getMessage() + ")";
    }
  }
}
