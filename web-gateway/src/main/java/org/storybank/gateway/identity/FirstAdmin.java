package org.storybank.gateway.identity;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.storybank.security.Role;

/**
 * The organisation's first admin comes from configuration; an existing account is left as it is.
 */
@Component
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final Accounts accounts;
  private final PasswordEncoder passwords;
  private final String email;
  private final String password;

  FirstAdmin(
      Accounts accounts,
      PasswordEncoder passwords,
      @Value("${storybank.admin.email}") String email,
      @Value("${storybank.admin.password}") String password) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.email = email;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (email == null || email.isBlank()) {
      return;
    }
    try {
      PasswordPolicy.checkLength("password", password);
    } catch (RequestRejected refused) {
      throw new IllegalStateException("STORYBANK_ADMIN_PASSWORD: " + refused.getMessage());
    }
    if (accounts.emailTaken(email)) {
      return;
    }
    accounts.upsert(
        new Account(
            UUID.randomUUID().toString(), Accounts.normalise(email), "Administrator", Role.ADMIN),
        passwords.encode(password));
    log.info("created the first admin, {}", Accounts.normalise(email));
  }
}
