package org.storybank.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evaluator's copy of each story's latest revision, in its own schema. */
@Repository
class StoryTexts {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<StoryText.Prompt>> PROMPTS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  StoryTexts(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<StoryText> find(String storyId) {
    return jdbc.sql("SELECT * FROM story_text WHERE story_id = ?")
        .param(storyId)
        .query(this::row)
        .optional();
  }

  void save(StoryText story) {
    jdbc.sql(
            """
            INSERT INTO story_text (story_id, author_id, cohort_id, version, revision, level, principles,
              prompts, situation, task, action, result, evaluated_revision, evaluated_rubric)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (story_id) DO UPDATE SET
              version = EXCLUDED.version, revision = EXCLUDED.revision, level = EXCLUDED.level,
              principles = EXCLUDED.principles, prompts = EXCLUDED.prompts,
              situation = EXCLUDED.situation, task = EXCLUDED.task, action = EXCLUDED.action,
              result = EXCLUDED.result
            """)
        .params(
            story.storyId(),
            story.authorId(),
            story.cohortId(),
            story.version(),
            story.revision(),
            story.level(),
            write(story.principles()),
            write(story.prompts()),
            story.situation(),
            story.task(),
            story.action(),
            story.result(),
            story.evaluatedRevision(),
            story.evaluatedRubric())
        .update();
  }

  void markEvaluated(String storyId, int revision, String rubricVersion) {
    jdbc.sql(
            "UPDATE story_text SET evaluated_revision = ?, evaluated_rubric = ? WHERE story_id = ?")
        .params(revision, rubricVersion, storyId)
        .update();
  }

  /** Stories whose latest revision has not been judged by this rubric version, oldest first. */
  List<String> notEvaluatedBy(String rubricVersion, int limit) {
    return jdbc.sql(
            """
            SELECT story_id FROM story_text
            WHERE principles <> '[]'
              AND (evaluated_rubric IS DISTINCT FROM ? OR evaluated_revision IS DISTINCT FROM revision)
            ORDER BY story_id LIMIT ?
            """)
        .params(rubricVersion, limit)
        .query(String.class)
        .list();
  }

  long countNotEvaluatedBy(String rubricVersion) {
    return jdbc.sql(
            """
            SELECT count(*) FROM story_text
            WHERE principles <> '[]'
              AND (evaluated_rubric IS DISTINCT FROM ? OR evaluated_revision IS DISTINCT FROM revision)
            """)
        .param(rubricVersion)
        .query(Long.class)
        .single();
  }

  private StoryText row(ResultSet row, int number) throws SQLException {
    int evaluated = row.getInt("evaluated_revision");
    return new StoryText(
        row.getString("story_id"),
        row.getString("author_id"),
        row.getString("cohort_id"),
        row.getLong("version"),
        row.getInt("revision"),
        row.getString("level"),
        read(row.getString("principles"), STRINGS),
        read(row.getString("prompts"), PROMPTS),
        row.getString("situation"),
        row.getString("task"),
        row.getString("action"),
        row.getString("result"),
        row.wasNull() ? null : evaluated,
        row.getString("evaluated_rubric"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable column: " + text, e);
    }
  }
}
