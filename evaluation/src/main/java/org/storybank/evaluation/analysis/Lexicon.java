package org.storybank.evaluation.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storybank.rubric.Principle;
import org.storybank.rubric.PrinciplePitfall;
import org.storybank.rubric.RubricCatalog;
import org.storybank.rubric.text.PhraseMatcher;

/**
 * The catalog's lexicons compiled into one matcher, so each field of a story is scanned once for
 * every category: the signal lexicons, each principle's keywords and each principle-specific
 * pitfall's phrases.
 */
final class Lexicon {

  static final String FIRST_PERSON = "firstPerson";
  static final String COLLECTIVE_SUBJECT = "collectiveSubject";
  static final String HEROICS = "heroics";
  static final String DEADLINE = "deadline";
  static final String DEADLINE_QUESTIONED = "deadlineQuestioned";
  static final String GENERIC_EFFORT = "genericEffort";
  static final String CONCRETE_ACTION = "concreteAction";
  static final String DECISION = "decision";
  static final String TRADE_OFF_NAMED = "tradeOffNamed";
  static final String OBSTACLE = "obstacle";
  static final String TROUBLE_SEVERE = "troubleSevere";
  static final String TROUBLE_SLIP = "troubleSlip";
  static final String SILENT_COMPLIANCE = "silentCompliance";
  static final String ESCALATION = "escalation";
  static final String FOLLOW_THROUGH = "followThrough";
  static final String FOLLOW_THROUGH_WEAK = "followThroughWeak";
  static final String DELIVERY = "delivery";
  static final String REFLECTION = "reflection";
  static final String REFLECTION_HOLLOW = "reflectionHollow";
  static final String INITIATIVE_STRONG = "initiativeStrong";
  static final String INITIATIVE_WEAK = "initiativeWeak";
  static final String ASSIGNED = "assigned";
  static final String OTHER_TEAM_ROLE = "otherTeamRole";
  static final String ORG_ACTOR = "orgActor";
  static final String ORG_REACH = "orgReach";
  static final String VAGUE_OUTCOME = "vagueOutcome";
  static final String CONCRETE_OUTCOME = "concreteOutcome";
  static final String COST = "cost";
  static final String TRIGGER = "trigger";
  static final String MANAGER = "manager";
  static final String CUSTOMER = "customer";
  static final String GENERIC_WORDS = "genericWords";

  static final List<String> REQUIRED =
      List.of(
          FIRST_PERSON,
          COLLECTIVE_SUBJECT,
          HEROICS,
          DEADLINE,
          DEADLINE_QUESTIONED,
          GENERIC_EFFORT,
          CONCRETE_ACTION,
          DECISION,
          TRADE_OFF_NAMED,
          OBSTACLE,
          TROUBLE_SEVERE,
          TROUBLE_SLIP,
          SILENT_COMPLIANCE,
          ESCALATION,
          FOLLOW_THROUGH,
          FOLLOW_THROUGH_WEAK,
          DELIVERY,
          REFLECTION,
          REFLECTION_HOLLOW,
          INITIATIVE_STRONG,
          INITIATIVE_WEAK,
          ASSIGNED,
          OTHER_TEAM_ROLE,
          ORG_ACTOR,
          ORG_REACH,
          VAGUE_OUTCOME,
          CONCRETE_OUTCOME,
          COST,
          TRIGGER,
          MANAGER,
          CUSTOMER,
          GENERIC_WORDS);

  private static final String PRINCIPLE_PREFIX = "principle:";
  private static final String PITFALL_PREFIX = "pitfall:";

  private final PhraseMatcher matcher;

  Lexicon(RubricCatalog catalog) {
    Map<String, List<String>> categories = new LinkedHashMap<>();
    for (String required : REQUIRED) {
      List<String> phrases = catalog.signals().get(required);
      if (phrases == null || phrases.isEmpty()) {
        throw new IllegalStateException("rubric catalog: signals.yaml needs '" + required + "'");
      }
      categories.put(required, phrases);
    }
    for (Principle principle : catalog.principles()) {
      categories.put(principleCategory(principle.id()), principle.keywords());
      for (PrinciplePitfall pitfall : principle.pitfalls()) {
        if (!pitfall.phrases().isEmpty()) {
          categories.put(pitfallCategory(principle.id(), pitfall.id()), pitfall.phrases());
        }
      }
    }
    this.matcher = new PhraseMatcher(categories);
  }

  PhraseMatcher matcher() {
    return matcher;
  }

  static String principleCategory(String principleId) {
    return PRINCIPLE_PREFIX + principleId;
  }

  static String pitfallCategory(String principleId, String pitfallId) {
    return PITFALL_PREFIX + principleId + "/" + pitfallId;
  }
}
