package org.storybank.infra;

/** A port a server needs is already bound by another process. */
public class PortInUseException extends InfrastructureException {

  private final int port;

  public PortInUseException(int port, String oneLine) {
    super(oneLine);
    this.port = port;
  }

  public int port() {
    return port;
  }
}
