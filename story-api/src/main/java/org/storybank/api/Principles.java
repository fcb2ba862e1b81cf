package org.storybank.api;

import java.util.List;
import java.util.Set;

/**
 * The principle ids a story can be tagged with. Amazon's sixteen Leadership Principles come first;
 * the ids are fixed because outside checks rely on them.
 */
public final class Principles {

  public static final List<String> AMAZON_LEADERSHIP =
      List.of(
          "customer-obsession",
          "ownership",
          "invent-and-simplify",
          "are-right-a-lot",
          "learn-and-be-curious",
          "hire-and-develop-the-best",
          "insist-on-the-highest-standards",
          "think-big",
          "bias-for-action",
          "frugality",
          "earn-trust",
          "dive-deep",
          "have-backbone",
          "deliver-results",
          "strive-to-be-earths-best-employer",
          "success-and-scale-bring-broad-responsibility");

  private static final Set<String> KNOWN = Set.copyOf(AMAZON_LEADERSHIP);

  private Principles() {}

  public static boolean isKnown(String principleId) {
    // Set.copyOf's set throws on contains(null)
    return principleId != null && KNOWN.contains(principleId);
  }
}
