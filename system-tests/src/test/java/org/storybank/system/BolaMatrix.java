package org.storybank.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.storybank.system.RouteList.Endpoint;

/**
 * Broken object-level authorization, tried on every endpoint that takes an id, in every service,
 * through the gateway and directly at the service: the owner succeeds; other people are refused
 * (403 or 404, the same on both paths) and see none of the owner's data; tokens that are missing,
 * expired, signed by another key or issued for another audience get 401. Nothing a refused call
 * tried is changed.
 *
 * <p>The endpoints come from the services' own route lists ({@link RouteList}); an endpoint that
 * takes an id and has no entry here fails the test, so a new endpoint cannot be forgotten.
 */
final class BolaMatrix {

  /** What a refusal may look like. */
  enum Refusal {
    /** 403 or 404. */
    STRICT,
    /** 403 or 404, or a 2xx that holds none of the owner's data (a search scoped to the caller). */
    SCOPED
  }

  /** Concrete ids for one call: path parameters and query string. */
  record Target(Map<String, String> ids, String query) {

    static Target of(String... keysAndValues) {
      Map<String, String> ids = new LinkedHashMap<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        ids.put(keysAndValues[i], keysAndValues[i + 1]);
      }
      return new Target(ids, "");
    }

    Target withQuery(String query) {
      return new Target(ids, query);
    }

    String fill(String template) {
      String path = template;
      for (Map.Entry<String, String> id : ids.entrySet()) {
        path = path.replace("{" + id.getKey() + "}", id.getValue());
      }
      return path + query;
    }
  }

  @FunctionalInterface
  interface Fixture {
    Target make(MatrixFixtures fixtures) throws Exception;
  }

  /**
   * How to try one endpoint: who owns what it reaches, the object refused callers aim at ({@code
   * victim}), how to make a fresh object the owner may act on, the body to send.
   */
  record Entry(
      String key,
      String owner,
      Fixture victim,
      Fixture fresh,
      Object body,
      Refusal refusal,
      List<String> alsoRefused) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final MatrixFixtures fixtures;

  BolaMatrix(MatrixFixtures fixtures) {
    this.fixtures = fixtures;
    defineStoryEntries();
    defineBankEntries();
    defineCohortEntries();
    defineAdminEntries();
    defineAuditEntries();
    defineDeadLetterEntries();
    defineQueryEntries();
    defineLoopEntries();
    defineDrillEntries();
  }

  private void entry(
      String key, String owner, Fixture victim, Fixture fresh, Object body, Refusal refusal) {
    entry(key, owner, victim, fresh, body, refusal, List.of());
  }

  private void entry(
      String key,
      String owner,
      Fixture victim,
      Fixture fresh,
      Object body,
      Refusal refusal,
      List<String> alsoRefused) {
    entries.put(key, new Entry(key, owner, victim, fresh, body, refusal, alsoRefused));
  }

  private void defineStoryEntries() {
    Fixture victim = MatrixFixtures::victimStory;
    Fixture fresh = MatrixFixtures::freshStory;
    String story = "/api/stories/{storyId}";
    List<String> admin = List.of(MatrixFixtures.ADMIN);
    entry("GET " + story, MatrixFixtures.OWNER, victim, fresh, null, Refusal.STRICT, admin);
    entry(
        "PUT " + story,
        MatrixFixtures.OWNER,
        victim,
        fresh,
        MatrixFixtures.storyBody("Taken"),
        Refusal.STRICT,
        admin);
    entry(
        "GET " + story + "/history",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        admin);
    entry(
        "GET " + story + "/diff",
        MatrixFixtures.OWNER,
        f -> f.victimStory().withQuery("?from=1&to=1"),
        f -> f.freshStory().withQuery("?from=1&to=1"),
        null,
        Refusal.STRICT,
        admin);
    entry(
        "POST " + story + "/ready",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        admin);
    entry(
        "POST " + story + "/principles",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        Map.of("principle", "customer-obsession"),
        Refusal.STRICT,
        admin);
    entry(
        "DELETE " + story + "/principles/{principle}",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        admin);
    entry(
        "POST " + story + "/prompts",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        Map.of("prompt", "Tell me about a time you were wrong", "angle", "a quiet one"),
        Refusal.STRICT,
        admin);
    entry(
        "DELETE " + story + "/prompts/{promptId}",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        admin);
    entry(
        "POST " + story + "/archive",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        admin);
    entry(
        "POST " + story + "/restore",
        MatrixFixtures.OWNER,
        victim,
        MatrixFixtures::archivedStory,
        null,
        Refusal.STRICT,
        admin);
    entry(
        "POST " + story + "/comments",
        MatrixFixtures.COACH,
        victim,
        fresh,
        Map.of("field", "action", "start", 0, "end", 3, "text", "say more"),
        Refusal.STRICT,
        admin);
    entry(
        "POST " + story + "/comments/{commentId}/resolve",
        MatrixFixtures.OWNER,
        victim,
        MatrixFixtures::storyWithComment,
        null,
        Refusal.STRICT,
        admin);
    entry(
        "PUT " + story + "/rating",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        Map.of("rating", 4),
        Refusal.STRICT,
        admin);
    entry(
        "POST " + story + "/evaluations",
        MatrixFixtures.COACH,
        victim,
        fresh,
        MatrixFixtures.evaluationBody(),
        Refusal.STRICT,
        admin);
  }

  /**
   * Export of one story or a whole bank, by its author or (redacted) by their coach; an import's
   * progress.
   */
  private void defineBankEntries() {
    List<String> admin = List.of(MatrixFixtures.ADMIN);
    entry(
        "GET /api/stories/{storyId}/export",
        MatrixFixtures.OWNER,
        MatrixFixtures::victimStory,
        MatrixFixtures::freshStory,
        null,
        Refusal.STRICT,
        admin);
    Fixture bank =
        f -> Target.of().withQuery("?format=json&candidateId=" + f.userId(MatrixFixtures.OWNER));
    entry("GET /api/stories/export", MatrixFixtures.OWNER, bank, bank, null, Refusal.STRICT, admin);
    // an import's progress is its author's alone, not even their coach's
    entry(
        "GET /api/stories/imports/{importId}",
        MatrixFixtures.OWNER,
        MatrixFixtures::victimImport,
        MatrixFixtures::victimImport,
        null,
        Refusal.STRICT,
        List.of(MatrixFixtures.COACH, MatrixFixtures.ADMIN));
  }

  private void defineCohortEntries() {
    Fixture victim = MatrixFixtures::victimCohort;
    entry(
        "PUT /api/cohorts/{cohortId}/coach",
        MatrixFixtures.ADMIN,
        victim,
        MatrixFixtures::freshCohort,
        Map.of("coachId", fixtures.userId(MatrixFixtures.OTHER_COACH)),
        Refusal.STRICT);
    entry(
        "POST /api/cohorts/{cohortId}/invitations",
        MatrixFixtures.COACH,
        victim,
        MatrixFixtures::freshCohort,
        Map.of(),
        Refusal.STRICT);
    entry(
        "DELETE /api/cohorts/{cohortId}/candidates/{candidateId}",
        MatrixFixtures.COACH,
        victim,
        MatrixFixtures::freshCohortWithCandidate,
        null,
        Refusal.STRICT);
    entry(
        "GET /api/cohorts/{cohortId}",
        MatrixFixtures.COACH,
        victim,
        MatrixFixtures::freshCohort,
        null,
        Refusal.STRICT);
    // story-query's analytics (design brief): a cohort's figures are its coach's
    entry(
        "GET /api/analytics/cohorts/{cohortId}/pitfalls",
        MatrixFixtures.COACH,
        victim,
        victim,
        null,
        Refusal.STRICT);
    entry(
        "GET /api/analytics/cohorts/{cohortId}/overview",
        MatrixFixtures.COACH,
        victim,
        victim,
        null,
        Refusal.STRICT);
    entry(
        "GET /api/analytics/cohorts/{cohortId}/review-queue",
        MatrixFixtures.COACH,
        victim,
        victim,
        null,
        Refusal.STRICT);
  }

  private void defineAdminEntries() {
    Fixture victim = MatrixFixtures::victimAccount;
    Fixture fresh = MatrixFixtures::disposableAccount;
    List<String> coach = List.of(MatrixFixtures.COACH);
    entry(
        "POST /api/admin/accounts/{userId}/lock",
        MatrixFixtures.ADMIN,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        coach);
    entry(
        "DELETE /api/admin/accounts/{userId}/lock",
        MatrixFixtures.ADMIN,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        coach);
    entry(
        "POST /api/admin/accounts/{userId}/password-reset",
        MatrixFixtures.ADMIN,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        coach);
  }

  private void defineAuditEntries() {
    // the whole trail is the admins': everyone else is refused whatever the filter names
    Fixture ownersTrail =
        f ->
            Target.of()
                .withQuery(
                    "?storyId="
                        + f.victimStory().ids().get("storyId")
                        + "&accountId="
                        + f.userId(MatrixFixtures.OWNER));
    entry(
        "GET /api/admin/audit",
        MatrixFixtures.ADMIN,
        ownersTrail,
        ownersTrail,
        null,
        Refusal.STRICT,
        List.of(MatrixFixtures.COACH, MatrixFixtures.OWNER));
  }

  private void defineDeadLetterEntries() {
    entry(
        "POST /api/admin/dead-letters/{deadLetterId}/retry",
        MatrixFixtures.ADMIN,
        MatrixFixtures::victimDeadLetter,
        MatrixFixtures::freshDeadLetter,
        null,
        Refusal.STRICT,
        List.of(MatrixFixtures.COACH));
  }

  private void defineQueryEntries() {
    Fixture search =
        f ->
            Target.of()
                .withQuery(
                    "?q="
                        + f.marker()
                        + "&candidateId="
                        + f.userId(MatrixFixtures.OWNER)
                        + "&cohortId="
                        + f.cohort());
    entry("GET /api/search/stories", MatrixFixtures.OWNER, search, search, null, Refusal.SCOPED);
    Fixture calibration = f -> Target.of().withQuery("?cohortId=" + f.cohort());
    entry(
        "GET /api/evaluations/calibration",
        MatrixFixtures.COACH,
        calibration,
        calibration,
        null,
        Refusal.SCOPED);
    // story-query's coverage (design brief): a candidate's own, and their coach's; others 404
    Fixture coverage = f -> Target.of("candidateId", f.userId(MatrixFixtures.OWNER));
    entry(
        "GET /api/candidates/{candidateId}/coverage",
        MatrixFixtures.OWNER,
        coverage,
        coverage,
        null,
        Refusal.STRICT);
  }

  /**
   * Interview loops: the candidate changes their own (story-command); they and the coach of the
   * cohort they are in now read them and their plans (story-query), the coach changes nothing.
   */
  private void defineLoopEntries() {
    Fixture victim = MatrixFixtures::victimLoop;
    Fixture fresh = MatrixFixtures::freshLoop;
    String loop = "/api/loops/{loopId}";
    List<String> admin = List.of(MatrixFixtures.ADMIN);
    List<String> coachAndAdmin = List.of(MatrixFixtures.COACH, MatrixFixtures.ADMIN);
    entry(
        "PUT " + loop,
        MatrixFixtures.OWNER,
        victim,
        fresh,
        MatrixFixtures.loopBody("Taken"),
        Refusal.STRICT,
        coachAndAdmin);
    entry(
        "DELETE " + loop, MatrixFixtures.OWNER, victim, fresh, null, Refusal.STRICT, coachAndAdmin);
    entry(
        "POST " + loop + "/usage",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        Map.of(
            "uses",
            List.of(
                Map.of(
                    "interview",
                    "Screen",
                    "principle",
                    "ownership",
                    "storyId",
                    fixtures.ownerStoryIds().isEmpty()
                        ? "none"
                        : fixtures.ownerStoryIds().get(0)))),
        Refusal.STRICT,
        coachAndAdmin);
    entry("GET " + loop, MatrixFixtures.OWNER, victim, fresh, null, Refusal.STRICT, admin);
    entry(
        "GET " + loop + "/plan", MatrixFixtures.OWNER, victim, fresh, null, Refusal.STRICT, admin);
    Fixture ownersLoops =
        f -> Target.of().withQuery("?candidateId=" + f.userId(MatrixFixtures.OWNER));
    entry(
        "GET /api/loops",
        MatrixFixtures.OWNER,
        ownersLoops,
        ownersLoops,
        null,
        Refusal.STRICT,
        admin);
  }

  /**
   * Practice drills (story-command): the candidate acts in their own; they and the coach of the
   * cohort they are in now read them, the history and the summary; the coach acts in none.
   */
  private void defineDrillEntries() {
    Fixture victim = MatrixFixtures::victimDrill;
    Fixture fresh = MatrixFixtures::freshDrill;
    String drill = "/api/drills/{drillId}";
    List<String> admin = List.of(MatrixFixtures.ADMIN);
    List<String> coachAndAdmin = List.of(MatrixFixtures.COACH, MatrixFixtures.ADMIN);
    entry("GET " + drill, MatrixFixtures.OWNER, victim, fresh, null, Refusal.STRICT, admin);
    entry(
        "POST " + drill + "/answer",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        Map.of(
            "storyId",
            fixtures.ownerStoryIds().isEmpty() ? "none" : fixtures.ownerStoryIds().get(0)),
        Refusal.STRICT,
        coachAndAdmin);
    entry(
        "PUT " + drill + "/rating",
        MatrixFixtures.OWNER,
        victim,
        fresh,
        Map.of("rating", 4),
        Refusal.STRICT,
        coachAndAdmin);
    entry(
        "DELETE " + drill,
        MatrixFixtures.OWNER,
        victim,
        fresh,
        null,
        Refusal.STRICT,
        coachAndAdmin);
    Fixture ownersDrills =
        f -> Target.of().withQuery("?candidateId=" + f.userId(MatrixFixtures.OWNER));
    for (String list : List.of("GET /api/drills", "GET /api/drills/summary")) {
      entry(list, MatrixFixtures.OWNER, ownersDrills, ownersDrills, null, Refusal.STRICT, admin);
    }
  }

  record Outcome(int endpoints, int callers, int paths, int calls, List<String> lines) {}

  /** Runs the matrix over the endpoints that take an id; fails on the first broken wall. */
  Outcome run(List<Endpoint> routes, Map<String, Api> directByService, Api gateway)
      throws Exception {
    List<Endpoint> withIds = routes.stream().filter(Endpoint::takesAnId).toList();
    Set<String> missing = new TreeSet<>();
    for (Endpoint endpoint : withIds) {
      if (!entries.containsKey(endpoint.key())) {
        missing.add(endpoint.key() + " (" + endpoint.service() + ")");
      }
    }
    assertThat(missing)
        .as(
            "endpoints that take an id but have no BOLA matrix entry (add one to BolaMatrix: owner,"
                + " victim and fresh fixtures)")
        .isEmpty();

    Map<String, String> refusedCallers = fixtures.refusedCallers();
    List<String> lines = new ArrayList<>();
    Set<String> callerNames = new TreeSet<>();
    Set<String> pathNames = new TreeSet<>();
    Set<String> endpointKeys = new TreeSet<>();
    int calls = 0;
    for (Endpoint endpoint : withIds) {
      Entry entry = entries.get(endpoint.key());
      endpointKeys.add(endpoint.service() + " " + endpoint.key());
      Map<String, Api> paths = new LinkedHashMap<>();
      paths.put("gateway", gateway);
      if (directByService.containsKey(endpoint.service())) {
        paths.put("direct", directByService.get(endpoint.service()));
      }
      pathNames.addAll(paths.keySet());
      Target victim = entry.victim().make(fixtures);
      String victimPath = victim.fill(endpoint.template());
      Object before = fixtures.snapshot(victim);
      Map<String, String> callers = new LinkedHashMap<>(refusedCallers);
      for (String extra : entry.alsoRefused()) {
        callers.put(extra, fixtures.token(extra));
      }
      Map<String, String> unauthenticated = fixtures.unauthenticatedCallers(entry.owner());
      Map<String, Integer> refusals = new LinkedHashMap<>();
      for (Map.Entry<String, Api> path : paths.entrySet()) {
        for (Map.Entry<String, String> caller : callers.entrySet()) {
          Api.Response answer =
              path.getValue().call(endpoint.method(), victimPath, caller.getValue(), entry.body());
          calls++;
          callerNames.add(caller.getKey());
          String what =
              endpoint.method()
                  + " "
                  + victimPath
                  + " by "
                  + caller.getKey()
                  + " via "
                  + path.getKey();
          assertRefused(entry.refusal(), answer, what);
          Integer earlier = refusals.putIfAbsent(caller.getKey(), answer.status());
          assertThat(answer.status())
              .as("%s: the same answer on every path (was %s)", what, earlier)
              .isEqualTo(earlier == null ? answer.status() : earlier);
        }
        for (Map.Entry<String, String> caller : unauthenticated.entrySet()) {
          Api.Response answer =
              path.getValue().call(endpoint.method(), victimPath, caller.getValue(), entry.body());
          calls++;
          callerNames.add(caller.getKey());
          assertThat(answer.status())
              .as(
                  "%s %s with %s via %s answered %s",
                  endpoint.method(), victimPath, caller.getKey(), path.getKey(), answer.body())
              .isEqualTo(401);
        }
      }
      assertThat(fixtures.snapshot(victim))
          .as("%s: refused calls changed nothing", endpoint.key())
          .isEqualTo(before);
      for (Map.Entry<String, Api> path : paths.entrySet()) {
        String ownPath = entry.fresh().make(fixtures).fill(endpoint.template());
        Api.Response answer =
            path.getValue()
                .call(endpoint.method(), ownPath, fixtures.token(entry.owner()), entry.body());
        calls++;
        callerNames.add("owner");
        assertThat(answer.status())
            .as(
                "%s %s by its owner (%s) via %s answered %s",
                endpoint.method(), ownPath, entry.owner(), path.getKey(), answer.body())
            .isBetween(200, 299);
      }
      lines.add(
          String.format(
              "%-60s %-13s owner=%-10s %s %s",
              endpoint.key(),
              endpoint.service(),
              entry.owner(),
              entry.refusal() == Refusal.STRICT ? "refused" : "scoped to the caller",
              refusals.entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(", "))));
    }
    return new Outcome(
        endpointKeys.size(), callerNames.size(), pathNames.size(), calls, List.copyOf(lines));
  }

  private void assertRefused(Refusal refusal, Api.Response answer, String what) {
    String body = answer.body().toString();
    assertThat(body).as("%s leaks the owner's data", what).doesNotContain(fixtures.marker());
    if (refusal == Refusal.STRICT || answer.status() >= 300) {
      assertThat(answer.status()).as("%s answered %s", what, body).isIn(403, 404);
      return;
    }
    assertThat(answer.status()).as("%s answered %s", what, body).isBetween(200, 299);
    for (String storyId : fixtures.ownerStoryIds()) {
      assertThat(body).as("%s leaks a story id of the owner", what).doesNotContain(storyId);
    }
  }
}
