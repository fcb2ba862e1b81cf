package org.storybank.security;

/**
 * Claim names of the gateway's access tokens, shared by the issuer and every validating service.
 */
public final class TokenClaims {

  public static final String ROLE = "role";
  public static final String COHORTS = "cohorts";
  public static final String NAME = "name";
  public static final String EMAIL = "email";

  /** The login (refresh-token family) the token was issued for: what a logout revokes. */
  public static final String SESSION = "sid";

  /**
   * When the token was issued, in milliseconds: {@code iat} has whole seconds only, too coarse to
   * tell a token from just before a revocation from one just after it.
   */
  public static final String ISSUED_AT_MILLIS = "iat_ms";

  private TokenClaims() {}
}
