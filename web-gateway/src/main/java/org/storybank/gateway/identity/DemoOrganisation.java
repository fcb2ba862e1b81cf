package org.storybank.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.storybank.security.Role;

/**
 * The demo organisation that {@code ./storybank up} shows: one admin, two coaches with a cohort
 * each, three candidates per cohort. Only with {@code storybank.demo.enabled}; never in production.
 */
@Component
@ConditionalOnProperty(name = "storybank.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

  static final String PASSWORD = "demo-password";
  static final String DOMAIN = "@demo.storybank";

  private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

  private final Accounts accounts;
  private final PasswordEncoder passwords;

  DemoOrganisation(Accounts accounts, PasswordEncoder passwords) {
    this.accounts = accounts;
    this.passwords = passwords;
  }

  @Override
  public void run(ApplicationArguments args) {
    String hash = passwords.encode(PASSWORD);
    account("admin", "Avery Admin", Role.ADMIN, hash);
    for (int cohort = 1; cohort <= 2; cohort++) {
      String cohortId = "cohort-" + cohort;
      accounts.upsertCohort(cohortId, cohort == 1 ? "Northwind cohort" : "Southgate cohort");
      Account coach = account("coach" + cohort, "Coach " + cohort, Role.COACH, hash);
      accounts.addMember(cohortId, coach.userId(), "coach");
      for (int n = 1; n <= 3; n++) {
        int candidate = (cohort - 1) * 3 + n;
        Account account =
            account("candidate" + candidate, "Candidate " + candidate, Role.CANDIDATE, hash);
        accounts.addMember(cohortId, account.userId(), "candidate");
      }
    }
    log.info("demo organisation ready: 1 admin, 2 coaches, 6 candidates, password '{}'", PASSWORD);
  }

  private Account account(String localPart, String name, Role role, String hash) {
    String email = localPart + DOMAIN;
    Account account = new Account(userIdFor(email), email, name, role);
    accounts.upsert(account, hash);
    return account;
  }

  /** Stable ids, so a restarted demo keeps its stories' authors. */
  static String userIdFor(String email) {
    return UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
