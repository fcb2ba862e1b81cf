package org.storybank.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.storybank.gateway.token.TokenIssuer;
import org.storybank.gateway.token.TokenIssuer.AccessToken;

/**
 * A signed-in session: a short-lived access token and a refresh token that gets the next one. Each
 * refresh reads the account again, so a changed role or cohort shows in the next access token. The
 * access tokens name their session, which a logout revokes in every service.
 */
@Service
public class Sessions {

  private final Accounts accounts;
  private final RefreshTokens refreshTokens;
  private final TokenIssuer tokens;
  private final Revocations revocations;
  private final Clock clock;

  Sessions(
      Accounts accounts,
      RefreshTokens refreshTokens,
      TokenIssuer tokens,
      Revocations revocations,
      Clock clock) {
    this.accounts = accounts;
    this.refreshTokens = refreshTokens;
    this.tokens = tokens;
    this.revocations = revocations;
    this.clock = clock;
  }

  /**
   * The time a token is stamped with, taken before anything about the account is read: a lock or a
   * cohort change recorded after that read then covers the token (see {@link Revocations}).
   */
  Instant stampNow() {
    return clock.instant();
  }

  /** What login and refresh answer; {@code accessToken} and {@code expiresIn} as before. */
  public record TokenPair(
      String accessToken,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      String tokenType) {}

  TokenPair start(Account account, Instant issuedAt) {
    RefreshTokens.Started started = refreshTokens.start(account.userId());
    return pair(account, started.familyId(), started.refreshToken(), issuedAt);
  }

  /** A new pair for a live refresh token; the one given is used up. */
  public Optional<TokenPair> refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return Optional.empty();
    }
    Instant issuedAt = stampNow();
    return refreshTokens
        .rotate(refreshToken)
        .flatMap(
            rotated ->
                accounts
                    .find(rotated.userId())
                    .filter(account -> !accounts.isLocked(account.userId()))
                    .map(
                        account ->
                            pair(account, rotated.familyId(), rotated.refreshToken(), issuedAt)));
  }

  /** Logout: the session's refresh tokens, and its access tokens in every service. */
  public void end(String refreshToken) {
    if (refreshToken != null && !refreshToken.isBlank()) {
      refreshTokens
          .revoke(refreshToken)
          .ifPresent(ended -> revocations.loggedOut(ended.userId(), ended.familyId().toString()));
    }
  }

  private TokenPair pair(Account account, UUID sessionId, String refreshToken, Instant issuedAt) {
    AccessToken access =
        tokens.issue(
            new TokenIssuer.Subject(
                account.userId(),
                account.role(),
                account.name(),
                account.email(),
                accounts.cohortsOf(account.userId()),
                sessionId.toString(),
                issuedAt));
    return new TokenPair(
        access.accessToken(),
        access.expiresIn(),
        refreshToken,
        refreshTokens.timeToLive().toSeconds(),
        "Bearer");
  }
}
