package org.storybank.query.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.storybank.query.elasticsearch.ElasticsearchProperties;
import org.storybank.query.projection.CohortChange;
import org.storybank.query.projection.CohortPlacement;
import org.storybank.query.projection.CohortPlacement.Membership;
import org.storybank.query.projection.StoryDocument;

/**
 * Who is in which cohort now, one document per candidate and cohort, versioned by the cohort's
 * sequence number; stories are placed by it ({@link CohortPlacement}).
 */
public class MembershipsIndex {

  private final ElasticsearchClient elasticsearch;
  private final IndexDefinition definition;

  public MembershipsIndex(ElasticsearchClient elasticsearch, ElasticsearchProperties properties) {
    this.elasticsearch = elasticsearch;
    this.definition =
        new IndexDefinition(properties.membershipsIndex(), "/search/memberships-index.json");
  }

  public IndexDefinition definition() {
    return definition;
  }

  public void createIfMissing() {
    definition.ensure(elasticsearch);
  }

  public void record(CohortChange change, long cohortSequence) {
    String cohortId = change.joined() != null ? change.joined() : change.left();
    Membership membership = new Membership(change.candidateId(), cohortId, change.joined() != null);
    try {
      elasticsearch.index(
          index ->
              index
                  .index(definition.alias())
                  .id(change.candidateId() + "/" + cohortId)
                  .version(cohortSequence)
                  .versionType(VersionType.External)
                  .refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                  .document(membership));
    } catch (ElasticsearchException e) {
      if (e.status() != 409) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to record a membership", e);
    }
  }

  /** The story in the cohort its author is in now, when this view knows the author. */
  public StoryDocument place(StoryDocument story) {
    return CohortPlacement.place(story, of(story.authorId()));
  }

  public Optional<String> cohortOf(String candidateId) {
    return of(candidateId).stream()
        .filter(Membership::member)
        .map(Membership::cohortId)
        .sorted()
        .findFirst();
  }

  /** The candidates in any of these cohorts now. */
  public List<String> membersOf(List<String> cohortIds) {
    if (cohortIds.isEmpty()) {
      return List.of();
    }
    try {
      return elasticsearch
          .search(
              search ->
                  search
                      .index(definition.alias())
                      .size(10_000)
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(
                                              f ->
                                                  f.terms(
                                                      t ->
                                                          t.field("cohortId")
                                                              .terms(
                                                                  v ->
                                                                      v.value(
                                                                          cohortIds.stream()
                                                                              .map(FieldValue::of)
                                                                              .toList()))))
                                          .filter(
                                              f -> f.term(t -> t.field("member").value(true))))),
              Membership.class)
          .hits()
          .hits()
          .stream()
          .map(Hit::source)
          .filter(Objects::nonNull)
          .map(Membership::candidateId)
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to read memberships", e);
    }
  }

  /** {@link #of} for several candidates in one search: every candidate is a key. */
  public Map<String, List<Membership>> ofAll(Collection<String> candidateIds) {
    List<FieldValue> ids =
        candidateIds.stream().filter(Objects::nonNull).distinct().map(FieldValue::of).toList();
    Map<String, List<Membership>> known = new HashMap<>();
    ids.forEach(id -> known.put(id.stringValue(), new ArrayList<>()));
    if (ids.isEmpty()) {
      return known;
    }
    try {
      elasticsearch
          .search(
              search ->
                  search
                      .index(definition.alias())
                      .size(10_000)
                      .query(q -> q.terms(t -> t.field("candidateId").terms(v -> v.value(ids)))),
              Membership.class)
          .hits()
          .hits()
          .stream()
          .map(Hit::source)
          .filter(Objects::nonNull)
          .forEach(
              membership ->
                  known
                      .computeIfAbsent(membership.candidateId(), id -> new ArrayList<>())
                      .add(membership));
      return known;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch to read memberships", e);
    }
  }

  /** Every cohort the candidate was ever recorded in, as its latest event left it. */
  public List<Membership> of(String candidateId) {
    return candidateId == null
        ? List.of()
        : ofAll(List.of(candidateId)).getOrDefault(candidateId, List.of());
  }
}
