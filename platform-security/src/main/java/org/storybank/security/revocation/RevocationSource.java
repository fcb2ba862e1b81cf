package org.storybank.security.revocation;

import java.util.List;

/** Where the revocations still in force are read from: the gateway's table. */
@FunctionalInterface
public interface RevocationSource {

  /** Every revocation that may still cover a token that has not expired. */
  List<Revocation> current() throws Exception;
}
