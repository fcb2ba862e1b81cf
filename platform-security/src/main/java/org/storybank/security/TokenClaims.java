package org.storybank.security;

/**
 * Claim names of the gateway's access tokens, shared by the issuer and every validating service.
 */
public final class TokenClaims {

  public static final String ROLE = "role";
  public static final String COHORTS = "cohorts";
  public static final String NAME = "name";
  public static final String EMAIL = "email";

  private TokenClaims() {}
}
