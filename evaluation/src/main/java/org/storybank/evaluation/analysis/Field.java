package org.storybank.evaluation.analysis;

import java.util.List;

/** The parts of a story the analyser reads. */
public enum Field {
  SITUATION("situation"),
  TASK("task"),
  ACTION("action"),
  RESULT("result"),
  PROMPT("prompt");

  static final List<Field> STAR = List.of(SITUATION, TASK, ACTION, RESULT);
  static final List<Field> STORY_BEFORE_RESULT = List.of(SITUATION, TASK, ACTION);
  static final List<Field> ACTION_AND_RESULT = List.of(ACTION, RESULT);

  private final String id;

  Field(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
