package org.storybank.gateway.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.storybank.security.Role;

/** Accounts, cohorts and who belongs to which, in the gateway's own schema. */
@Repository
public class Accounts {

  private final JdbcClient jdbc;

  Accounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Credentials(Account account, String passwordHash, boolean locked) {}

  Optional<Credentials> credentialsFor(String email) {
    if (hasControlCharacters(email)) {
      // PostgreSQL's text holds no NUL: such an email is no account's
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT user_id, email, name, role, password_hash, locked_at FROM accounts WHERE email = ?")
        .param(normalise(email))
        .query(
            (row, n) ->
                new Credentials(
                    new Account(
                        row.getString("user_id"),
                        row.getString("email"),
                        row.getString("name"),
                        Role.fromId(row.getString("role")).orElseThrow()),
                    row.getString("password_hash"),
                    row.getTimestamp("locked_at") != null))
        .optional();
  }

  Optional<Account> find(String userId) {
    return jdbc.sql("SELECT user_id, email, name, role FROM accounts WHERE user_id = ?")
        .param(userId)
        .query(
            (row, n) ->
                new Account(
                    row.getString("user_id"),
                    row.getString("email"),
                    row.getString("name"),
                    Role.fromId(row.getString("role")).orElseThrow()))
        .optional();
  }

  /** Every account, for the admin: who exists, in which role, and whether locked. */
  List<AccountStatus> all() {
    return jdbc.sql(
            "SELECT user_id, email, name, role, locked_at FROM accounts ORDER BY role, email")
        .query(
            (row, n) ->
                new AccountStatus(
                    new Account(
                        row.getString("user_id"),
                        row.getString("email"),
                        row.getString("name"),
                        Role.fromId(row.getString("role")).orElseThrow()),
                    row.getTimestamp("locked_at") != null))
        .list();
  }

  record AccountStatus(Account account, boolean locked) {}

  /** Every cohort the gateway knows, with its coach (if any) and how many candidates it has. */
  List<CohortSummary> cohorts() {
    return jdbc.sql(
            """
            SELECT c.cohort_id, c.name,
                   max(m.user_id) FILTER (WHERE m.relation = 'coach') AS coach_id,
                   count(m.user_id) FILTER (WHERE m.relation = 'candidate') AS candidates
            FROM cohorts c LEFT JOIN cohort_members m ON m.cohort_id = c.cohort_id
            GROUP BY c.cohort_id, c.name
            ORDER BY c.name, c.cohort_id
            """)
        .query(
            (row, n) ->
                new CohortSummary(
                    row.getString("cohort_id"),
                    row.getString("name"),
                    row.getString("coach_id"),
                    row.getInt("candidates")))
        .list();
  }

  record CohortSummary(String cohortId, String name, String coachId, int candidates) {}

  boolean isLocked(String userId) {
    return jdbc.sql("SELECT count(*) FROM accounts WHERE user_id = ? AND locked_at IS NOT NULL")
            .param(userId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether the account exists. */
  @Transactional
  boolean setLocked(String userId, boolean locked) {
    return jdbc.sql(
                "UPDATE accounts SET locked_at = CASE WHEN ? THEN coalesce(locked_at, now()) END WHERE user_id = ?")
            .params(locked, userId)
            .update()
        > 0;
  }

  @Transactional
  void setPasswordHash(String userId, String passwordHash) {
    jdbc.sql("UPDATE accounts SET password_hash = ? WHERE user_id = ?")
        .params(passwordHash, userId)
        .update();
  }

  public List<String> cohortsOf(String userId) {
    return jdbc.sql("SELECT cohort_id FROM cohort_members WHERE user_id = ? ORDER BY cohort_id")
        .param(userId)
        .query(String.class)
        .list();
  }

  @Transactional
  void upsert(Account account, String passwordHash) {
    jdbc.sql(
            """
            INSERT INTO accounts (user_id, email, name, role, password_hash) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE
              SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role,
                  password_hash = EXCLUDED.password_hash
            """)
        .params(
            account.userId(),
            normalise(account.email()),
            account.name(),
            account.role().id(),
            passwordHash)
        .update();
  }

  @Transactional
  void upsertCohort(String cohortId, String name) {
    jdbc.sql(
            "INSERT INTO cohorts (cohort_id, name) VALUES (?, ?) ON CONFLICT (cohort_id) DO UPDATE SET name = EXCLUDED.name")
        .params(cohortId, name)
        .update();
  }

  @Transactional
  void addMember(String cohortId, String userId, String relation) {
    jdbc.sql(
            "INSERT INTO cohort_members (cohort_id, user_id, relation) VALUES (?, ?, ?) ON CONFLICT (cohort_id, user_id) DO UPDATE SET relation = EXCLUDED.relation")
        .params(cohortId, userId, relation)
        .update();
  }

  boolean exists(String userId) {
    return jdbc.sql("SELECT count(*) FROM accounts WHERE user_id = ?")
            .param(userId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * A new account, unless its email has one already (checked by the table's unique key, so two
   * registrations racing for one email end in one account and one refusal).
   */
  @Transactional
  boolean create(Account account, String passwordHash) {
    return jdbc.sql(
                """
                INSERT INTO accounts (user_id, email, name, role, password_hash)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING
                """)
            .params(
                account.userId(),
                normalise(account.email()),
                account.name(),
                account.role().id(),
                passwordHash)
            .update()
        == 1;
  }

  static boolean hasControlCharacters(String text) {
    return text != null && text.codePoints().anyMatch(Character::isISOControl);
  }

  boolean emailTaken(String email) {
    return jdbc.sql("SELECT count(*) FROM accounts WHERE email = ?")
            .param(normalise(email))
            .query(Long.class)
            .single()
        > 0;
  }

  @Transactional
  void delete(String userId) {
    jdbc.sql("DELETE FROM cohort_members WHERE user_id = ?").param(userId).update();
    jdbc.sql("DELETE FROM accounts WHERE user_id = ?").param(userId).update();
  }

  /** A cohort the gateway learns of from a member before its own event: named by its id for now. */
  @Transactional
  void ensureCohort(String cohortId) {
    jdbc.sql(
            "INSERT INTO cohorts (cohort_id, name) VALUES (?, ?) ON CONFLICT (cohort_id) DO NOTHING")
        .params(cohortId, cohortId)
        .update();
  }

  @Transactional
  /** Whether they were a member. */
  boolean removeMember(String cohortId, String userId) {
    return jdbc.sql("DELETE FROM cohort_members WHERE cohort_id = ? AND user_id = ?")
            .params(cohortId, userId)
            .update()
        > 0;
  }

  static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
