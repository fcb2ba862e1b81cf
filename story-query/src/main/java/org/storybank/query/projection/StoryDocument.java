package org.storybank.query.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.storybank.query.language.InterviewLanguage;

/**
 * A story as the stories index holds it: its current revision, who may see it, its latest automatic
 * and coach evaluations, and what search needs besides (analysed terms, vectors). {@code version}
 * is the aggregate sequence number of the last event applied; it is the document's external
 * version. The methods marked {@link JsonProperty} are derived and indexed for filters, facets and
 * full-text search; they are recomputed on every write, never read back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryDocument(
    String storyId,
    String authorId,
    String cohortId,
    String title,
    List<String> principles,
    List<IndexedPrompt> prompts,
    String level,
    String situation,
    String task,
    String action,
    String result,
    String status,
    long version,
    int revision,
    Instant createdAt,
    Instant updatedAt,
    Assessment latestAutomatic,
    Assessment latestCoach,
    StoryVectors vectors) {

  public StoryDocument {
    principles = principles == null ? List.of() : List.copyOf(principles);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
  }

  public record IndexedPrompt(String promptId, String text, String angle) {}

  /**
   * The evaluation that counts now: a coach's, unless the automatic one judged a later revision.
   */
  @JsonProperty
  public Assessment assessment() {
    if (latestCoach != null
        && (latestAutomatic == null || latestCoach.revision() >= latestAutomatic.revision())) {
      return latestCoach;
    }
    return latestAutomatic;
  }

  @JsonProperty
  public Integer score() {
    return assessment() == null ? null : assessment().score();
  }

  @JsonProperty
  public String verdict() {
    return assessment() == null ? null : assessment().verdict();
  }

  @JsonProperty
  public List<String> pitfalls() {
    return assessment() == null ? List.of() : assessment().pitfalls();
  }

  /** Result figures as the automatic evaluation read them (a coach's scores carry none). */
  @JsonProperty
  public List<Assessment.Metric> metrics() {
    return latestAutomatic == null ? List.of() : latestAutomatic.metrics();
  }

  @JsonProperty
  public boolean hasQuantifiedResult() {
    return !metrics().isEmpty();
  }

  @JsonProperty
  public String titleTerms() {
    return InterviewLanguage.instance().indexTerms(title);
  }

  @JsonProperty
  public String promptTerms() {
    return InterviewLanguage.instance()
        .indexTerms(
            prompts.stream()
                .flatMap(prompt -> Stream.of(prompt.text(), prompt.angle()))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining(". ")));
  }

  @JsonProperty
  public String starTerms() {
    return InterviewLanguage.instance()
        .indexTerms(
            Stream.of(situation, task, action, result)
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n")));
  }

  public StoryDocument withCohort(String cohortId) {
    return new StoryDocument(
        storyId,
        authorId,
        cohortId,
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        version,
        revision,
        createdAt,
        updatedAt,
        latestAutomatic,
        latestCoach,
        vectors);
  }

  public StoryDocument withVectors(StoryVectors vectors) {
    return new StoryDocument(
        storyId,
        authorId,
        cohortId,
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        version,
        revision,
        createdAt,
        updatedAt,
        latestAutomatic,
        latestCoach,
        vectors);
  }

  StoryDocument withContent(
      String title,
      String level,
      String situation,
      String task,
      String action,
      String result,
      int revision) {
    return new StoryDocument(
        storyId,
        authorId,
        cohortId,
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        version,
        revision,
        createdAt,
        updatedAt,
        latestAutomatic,
        latestCoach,
        vectors);
  }

  StoryDocument withPrinciples(List<String> principles) {
    return new StoryDocument(
        storyId,
        authorId,
        cohortId,
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        version,
        revision,
        createdAt,
        updatedAt,
        latestAutomatic,
        latestCoach,
        vectors);
  }

  StoryDocument withPrompts(List<IndexedPrompt> prompts) {
    return new StoryDocument(
        storyId,
        authorId,
        cohortId,
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        version,
        revision,
        createdAt,
        updatedAt,
        latestAutomatic,
        latestCoach,
        vectors);
  }

  public StoryDocument withStatus(String status) {
    return new StoryDocument(
        storyId,
        authorId,
        cohortId,
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        version,
        revision,
        createdAt,
        updatedAt,
        latestAutomatic,
        latestCoach,
        vectors);
  }

  public StoryDocument withEvaluations(Assessment latestAutomatic, Assessment latestCoach) {
    return new StoryDocument(
        storyId,
        authorId,
        cohortId,
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        version,
        revision,
        createdAt,
        updatedAt,
        latestAutomatic,
        latestCoach,
        vectors);
  }

  public StoryDocument at(long version, Instant updatedAt) {
    return new StoryDocument(
        storyId,
        authorId,
        cohortId,
        title,
        principles,
        prompts,
        level,
        situation,
        task,
        action,
        result,
        status,
        version,
        revision,
        createdAt,
        updatedAt,
        latestAutomatic,
        latestCoach,
        vectors);
  }
}
