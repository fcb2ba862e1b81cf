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
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public Assessment assessment() {
    if (latestCoach != null
        && (latestAutomatic == null || latestCoach.revision() >= latestAutomatic.revision())) {
      return latestCoach;
    }
    return latestAutomatic;
  }

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public Integer score() {
    return assessment() == null ? null : assessment().score();
  }

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String verdict() {
    return assessment() == null ? null : assessment().verdict();
  }

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public List<String> pitfalls() {
    return assessment() == null ? List.of() : assessment().pitfalls();
  }

  /** Result figures as the automatic evaluation read them (a coach's scores carry none). */
  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public List<Assessment.Metric> metrics() {
    return latestAutomatic == null ? List.of() : latestAutomatic.metrics();
  }

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public boolean hasQuantifiedResult() {
    return !metrics().isEmpty();
  }

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String titleTerms() {
    return InterviewLanguage.instance().indexTerms(title);
  }

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String promptTerms() {
    return InterviewLanguage.instance()
        .indexTerms(
            prompts.stream()
                .flatMap(prompt -> Stream.of(prompt.text(), prompt.angle()))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining(". ")));
  }

  @JsonProperty(access = JsonProperty.Access.READ_ONLY)
  public String starTerms() {
    return InterviewLanguage.instance()
        .indexTerms(
            Stream.of(situation, task, action, result)
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n")));
  }

  public StoryDocument withCohort(String cohortId) {
    return edit().cohortId(cohortId).done();
  }

  public StoryDocument withVectors(StoryVectors vectors) {
    return edit().vectors(vectors).done();
  }

  StoryDocument withContent(
      String title,
      String level,
      String situation,
      String task,
      String action,
      String result,
      int revision) {
    return edit().content(title, level, situation, task, action, result).revision(revision).done();
  }

  StoryDocument withPrinciples(List<String> principles) {
    return edit().principles(principles).done();
  }

  StoryDocument withPrompts(List<IndexedPrompt> prompts) {
    return edit().prompts(prompts).done();
  }

  public StoryDocument withStatus(String status) {
    return edit().status(status).done();
  }

  public StoryDocument withEvaluations(Assessment latestAutomatic, Assessment latestCoach) {
    return edit().evaluations(latestAutomatic, latestCoach).done();
  }

  public StoryDocument at(long version, Instant updatedAt) {
    return edit().version(version).updatedAt(updatedAt).done();
  }

  private Edit edit() {
    return new Edit(this);
  }

  /** A copy of a document with some fields changed; the one place that calls the constructor. */
  private static final class Edit {
    private final StoryDocument from;
    private String cohortId;
    private String title;
    private List<String> principles;
    private List<IndexedPrompt> prompts;
    private String level;
    private String situation;
    private String task;
    private String action;
    private String result;
    private String status;
    private long version;
    private int revision;
    private Instant updatedAt;
    private Assessment latestAutomatic;
    private Assessment latestCoach;
    private StoryVectors vectors;

    Edit(StoryDocument from) {
      this.from = from;
      cohortId = from.cohortId;
      title = from.title;
      principles = from.principles;
      prompts = from.prompts;
      level = from.level;
      situation = from.situation;
      task = from.task;
      action = from.action;
      result = from.result;
      status = from.status;
      version = from.version;
      revision = from.revision;
      updatedAt = from.updatedAt;
      latestAutomatic = from.latestAutomatic;
      latestCoach = from.latestCoach;
      vectors = from.vectors;
    }

    Edit cohortId(String value) {
      cohortId = value;
      return this;
    }

    Edit content(
        String title, String level, String situation, String task, String action, String result) {
      this.title = title;
      this.level = level;
      this.situation = situation;
      this.task = task;
      this.action = action;
      this.result = result;
      return this;
    }

    Edit principles(List<String> value) {
      principles = value;
      return this;
    }

    Edit prompts(List<IndexedPrompt> value) {
      prompts = value;
      return this;
    }

    Edit status(String value) {
      status = value;
      return this;
    }

    Edit version(long value) {
      version = value;
      return this;
    }

    Edit revision(int value) {
      revision = value;
      return this;
    }

    Edit updatedAt(Instant value) {
      updatedAt = value;
      return this;
    }

    Edit evaluations(Assessment automatic, Assessment coach) {
      latestAutomatic = automatic;
      latestCoach = coach;
      return this;
    }

    Edit vectors(StoryVectors value) {
      vectors = value;
      return this;
    }

    StoryDocument done() {
      return new StoryDocument(
          from.storyId,
          from.authorId,
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
          from.createdAt,
          updatedAt,
          latestAutomatic,
          latestCoach,
          vectors);
    }
  }
}
