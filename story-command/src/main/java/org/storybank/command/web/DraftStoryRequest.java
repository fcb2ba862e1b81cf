package org.storybank.command.web;

import java.util.List;

/** The body of {@code POST /api/stories}; the author is the caller, never a field of the body. */
record DraftStoryRequest(
    String title,
    List<String> principles,
    List<String> prompts,
    String level,
    String situation,
    String task,
    String action,
    String result) {}
