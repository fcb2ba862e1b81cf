package org.storybank.gateway.identity;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.storybank.gateway.token.TokenIssuer;
import org.storybank.gateway.token.TokenIssuer.AccessToken;

/**
 * A signed-in session: a short-lived access token and a refresh token that gets the next one. Each
 * refresh reads the account again, so a changed role or cohort shows in the next access token.
 */
@Service
public class Sessions {

  private final Accounts accounts;
  private final RefreshTokens refreshTokens;
  private final TokenIssuer tokens;

  Sessions(Accounts accounts, RefreshTokens refreshTokens, TokenIssuer tokens) {
    this.accounts = accounts;
    this.refreshTokens = refreshTokens;
    this.tokens = tokens;
  }

  /** What login and refresh answer; {@code accessToken} and {@code expiresIn} as before. */
  public record TokenPair(
      String accessToken,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      String tokenType) {}

  TokenPair start(Account account) {
    return pair(account, refreshTokens.issue(account.userId()));
  }

  /** A new pair for a live refresh token; the one given is used up. */
  public Optional<TokenPair> refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return Optional.empty();
    }
    return refreshTokens
        .rotate(refreshToken)
        .flatMap(
            rotated ->
                accounts
                    .find(rotated.userId())
                    .filter(account -> !accounts.isLocked(account.userId()))
                    .map(account -> pair(account, rotated.refreshToken())));
  }

  public void end(String refreshToken) {
    if (refreshToken != null && !refreshToken.isBlank()) {
      refreshTokens.revoke(refreshToken);
    }
  }

  private TokenPair pair(Account account, String refreshToken) {
    AccessToken access =
        tokens.issue(
            new TokenIssuer.Subject(
                account.userId(),
                account.role(),
                account.name(),
                account.email(),
                accounts.cohortsOf(account.userId())));
    return new TokenPair(
        access.accessToken(),
        access.expiresIn(),
        refreshToken,
        refreshTokens.timeToLive().toSeconds(),
        "Bearer");
  }
}
