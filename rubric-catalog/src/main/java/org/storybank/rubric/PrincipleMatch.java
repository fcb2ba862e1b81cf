package org.storybank.rubric;

import java.util.List;

/** How well a prompt matches a principle, and the catalog phrases that made it match. */
public record PrincipleMatch(String principle, double score, List<String> phrases) {}
