package org.storybank.command.bank;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The formats a bank exports to, with what a browser needs to save the file. */
enum ExportFormat {
  JSON(MediaType.APPLICATION_JSON, "json"),
  CSV(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "csv"),
  MARKDOWN(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8), "md");

  private final MediaType mediaType;
  private final String extension;

  ExportFormat(MediaType mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  MediaType mediaType() {
    return mediaType;
  }

  String extension() {
    return extension;
  }

  static Optional<ExportFormat> fromId(String id) {
    if (id == null) {
      return Optional.of(JSON);
    }
    return switch (id.toLowerCase(Locale.ROOT)) {
      case "json" -> Optional.of(JSON);
      case "csv" -> Optional.of(CSV);
      case "markdown", "md" -> Optional.of(MARKDOWN);
      default -> Optional.empty();
    };
  }
}
