package org.storybank.gateway.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Checks a password and starts a session; a wrong password and an unknown email look alike. */
@Service
public class Login {

  private final Accounts accounts;
  private final PasswordEncoder passwords;
  private final Sessions sessions;
  private final String unknownAccountHash;

  Login(Accounts accounts, PasswordEncoder passwords, Sessions sessions) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.sessions = sessions;
    // Checked when the email is unknown, so that both kinds of failure cost one hash check.
    this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
  }

  public Optional<Sessions.TokenPair> login(String email, String password) {
    Instant issuedAt = sessions.stampNow();
    Optional<Accounts.Credentials> credentials = accounts.credentialsFor(email);
    String hash = credentials.map(Accounts.Credentials::passwordHash).orElse(unknownAccountHash);
    // bcrypt refuses more than 72 bytes: such a password matches nothing, at the same cost
    boolean fits = password != null && PasswordPolicy.fitsTheHash(password);
    boolean matches = passwords.matches(fits ? password : "", hash) && fits;
    if (credentials.isEmpty() || !matches) {
      return Optional.empty();
    }
    // Said only to whoever knows the password, so a lock reveals nothing to a guesser.
    if (credentials.get().locked()) {
      throw new RequestRejected(
          "email", "this account is locked; ask your admin to unlock it", HttpStatus.LOCKED);
    }
    return Optional.of(sessions.start(credentials.get().account(), issuedAt));
  }
}
