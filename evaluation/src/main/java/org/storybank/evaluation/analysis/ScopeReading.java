package org.storybank.evaluation.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.storybank.rubric.text.AnalysedText;
import org.storybank.rubric.text.Token;

/**
 * How far the story reaches: 0 own task, 1 own team, 2 several teams, 3 organisation. Read from
 * other teams named ("the analytics team", "three teams"), roles outside the team, executives
 * involved, and organisation-wide reach (policies, standards, every team).
 */
record ScopeReading(int level, List<String> evidence) {

  static final int OWN_TASK = 0;
  static final int TEAM = 1;
  static final int SEVERAL_TEAMS = 2;
  static final int ORGANISATION = 3;

  private static final Set<String> OWN_TEAM_WORDS =
      Set.of(
          "my", "our", "the", "a", "this", "that", "whole", "entire", "own", "same", "your", "his",
          "her", "new", "one", "each", "every", "full", "core", "small");

  private static final Set<String> MANY = Set.of("all", "every", "several", "multiple", "many");
  private static final Set<String> LEADS = Set.of("leads", "managers");
  private static final Set<String> LEAD_ROLES =
      Set.of("team", "tech", "engineering", "product", "project", "delivery");

  /** Words that end a noun phrase: "ten for both teams" does not count ten teams. */
  private static final Set<String> NOT_PART_OF_A_NAME =
      Set.of(
          "for", "in", "of", "to", "with", "by", "from", "at", "on", "than", "about", "across",
          "between", "among", "the", "a", "an", "per", "into");

  private static final Set<String> JOINING_WORDS = Set.of("on", "in", "joined", "into", "within");

  /** "No team owned the pipeline" names no team at all, neither the candidate's nor another. */
  private static final Set<String> NEGATING = Set.of("no", "any", "without", "nor", "neither");

  static ScopeReading read(StoryReading story) {
    List<String> evidence = new ArrayList<>();
    int teamsNamed = 0;
    double largestTeamCount = 0;
    boolean ownTeam = false;
    for (Field field : Field.STAR) {
      AnalysedText text = story.text(field);
      List<Token> tokens = text.tokens();
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        String surface = token.surface();
        if (i > 0
            && NEGATING.contains(tokens.get(i - 1).surface())
            && tokens.get(i - 1).sentence() == token.sentence()) {
          continue;
        }
        boolean plural = surface.equals("teams") || isTeamLeads(tokens, i);
        if (plural) {
          teamsNamed++;
          OptionalDouble count = numberBefore(tokens, i);
          if (count.isPresent()) {
            largestTeamCount = Math.max(largestTeamCount, count.getAsDouble());
            evidence.add(text.span(tokens.get(i - 1).start(), token.end()));
          } else if (i > 0 && MANY.contains(tokens.get(i - 1).surface())) {
            largestTeamCount = Math.max(largestTeamCount, 5);
            evidence.add(text.span(tokens.get(i - 1).start(), token.end()));
          }
        } else if (surface.equals("team")) {
          if (field != Field.RESULT && isOtherTeam(tokens, i)) {
            teamsNamed++;
            evidence.add(text.span(tokens.get(i - 1).start(), token.end()));
          } else {
            ownTeam = true;
          }
        } else if (surface.equals("we") || surface.equals("our") || surface.equals("teammates")) {
          ownTeam = true;
        }
      }
    }
    List<Hit> roles = story.hits(Lexicon.OTHER_TEAM_ROLE, Field.STORY_BEFORE_RESULT);
    List<Hit> actors = story.hits(Lexicon.ORG_ACTOR, Field.STORY_BEFORE_RESULT);
    List<Hit> reach = story.hits(Lexicon.ORG_REACH, Field.STAR);
    roles.forEach(hit -> evidence.add(phrase(story, hit)));
    actors.forEach(hit -> evidence.add(phrase(story, hit)));
    reach.forEach(hit -> evidence.add(phrase(story, hit)));
    int cross = teamsNamed + roles.size() + actors.size();
    boolean organisation =
        largestTeamCount >= 5
            || (!reach.isEmpty()
                && (!actors.isEmpty() || largestTeamCount >= 4 || reach.size() >= 2))
            || (!actors.isEmpty() && cross >= 3 && largestTeamCount >= 3)
            || (distinctPhrases(story, actors) >= 2 && cross >= 3);
    int level;
    if (organisation) {
      level = ORGANISATION;
    } else if (cross > 0 || !reach.isEmpty()) {
      level = SEVERAL_TEAMS;
    } else if (ownTeam || story.has(Lexicon.MANAGER, Field.STAR)) {
      level = TEAM;
    } else {
      level = OWN_TASK;
    }
    return new ScopeReading(level, evidence.stream().distinct().limit(6).toList());
  }

  /** Executives of different kinds (a CTO and a general counsel) mean organisation-level work. */
  private static long distinctPhrases(StoryReading story, List<Hit> hits) {
    return hits.stream().map(hit -> hit.match().phrase()).distinct().count();
  }

  private static String phrase(StoryReading story, Hit hit) {
    return story.text(hit.field()).span(hit.match().start(), hit.match().end());
  }

  /** "team leads", "tech leads", "engineering managers": several teams' leaders, plural. */
  private static boolean isTeamLeads(List<Token> tokens, int i) {
    return LEAD_ROLES.contains(tokens.get(i).surface())
        && i + 1 < tokens.size()
        && LEADS.contains(tokens.get(i + 1).surface());
  }

  /** "the analytics team" names another team; "on the billing team" is the candidate's own. */
  private static boolean isOtherTeam(List<Token> tokens, int i) {
    if (i == 0) {
      return false;
    }
    Token before = tokens.get(i - 1);
    if (OWN_TEAM_WORDS.contains(before.surface())
        || before.sentence() != tokens.get(i).sentence()) {
      return false;
    }
    for (int back = i - 2; back >= Math.max(0, i - 4); back--) {
      if (JOINING_WORDS.contains(tokens.get(back).surface())) {
        return false;
      }
      if (!tokens.get(back).surface().equals("the")) {
        continue;
      }
      return back == 0 || !JOINING_WORDS.contains(tokens.get(back - 1).surface());
    }
    return true;
  }

  private static OptionalDouble numberBefore(List<Token> tokens, int i) {
    for (int back = i - 1; back >= Math.max(0, i - 4); back--) {
      if (NOT_PART_OF_A_NAME.contains(tokens.get(back).surface())) {
        break;
      }
      OptionalDouble value = NumberWords.parse(tokens.get(back).surface());
      if (value.isPresent() && value.getAsDouble() >= 2) {
        return value;
      }
    }
    return OptionalDouble.empty();
  }
}
