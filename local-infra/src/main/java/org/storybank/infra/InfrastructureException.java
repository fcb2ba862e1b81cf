package org.storybank.infra;

/**
 * A local server or database is not usable. {@link #oneLine()} names the cause and the fix in one
 * line (what a CLI prints); {@link #getMessage()} adds details such as the tail of a server log.
 */
public class InfrastructureException extends RuntimeException {

  private final String oneLine;

  public InfrastructureException(String oneLine) {
    this(oneLine, "", null);
  }

  public InfrastructureException(String oneLine, Throwable cause) {
    this(oneLine, "", cause);
  }

  public InfrastructureException(String oneLine, String details) {
    this(oneLine, details, null);
  }

  public InfrastructureException(String oneLine, String details, Throwable cause) {
    super(
        details == null || details.isBlank() ? oneLine : oneLine + System.lineSeparator() + details,
        cause);
    this.oneLine = oneLine;
  }

  public String oneLine() {
    return oneLine;
  }
}
