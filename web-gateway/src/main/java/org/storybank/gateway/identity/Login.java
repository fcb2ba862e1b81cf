package org.storybank.gateway.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.storybank.gateway.token.TokenIssuer;
import org.storybank.gateway.token.TokenIssuer.AccessToken;

/**
 * Checks a password and issues an access token; a wrong password and an unknown email look alike.
 */
@Service
public class Login {

  private final Accounts accounts;
  private final PasswordEncoder passwords;
  private final TokenIssuer tokens;
  private final String unknownAccountHash;

  Login(Accounts accounts, PasswordEncoder passwords, TokenIssuer tokens) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.tokens = tokens;
    // Checked when the email is unknown, so that both kinds of failure cost one hash check.
    this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
  }

  public Optional<AccessToken> login(String email, String password) {
    Optional<Accounts.Credentials> credentials = accounts.credentialsFor(email);
    String hash = credentials.map(Accounts.Credentials::passwordHash).orElse(unknownAccountHash);
    boolean matches = password != null && passwords.matches(password, hash);
    if (credentials.isEmpty() || !matches) {
      return Optional.empty();
    }
    Account account = credentials.get().account();
    return Optional.of(
        tokens.issue(
            new TokenIssuer.Subject(
                account.userId(),
                account.role(),
                account.name(),
                account.email(),
                accounts.cohortsOf(account.userId()))));
  }
}
