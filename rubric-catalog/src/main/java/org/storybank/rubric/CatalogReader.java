package org.storybank.rubric;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storybank.api.Principles;

/**
 * Reads the catalog's YAML files from the classpath, checks them, and derives the rubric version
 * from a hash of their content, so any edit to the catalog gives a new version.
 */
final class CatalogReader {

  private record CatalogFile(
      String name, String version, List<LevelDefinition> levels, List<String> principles) {}

  private record CriterionFile(
      String id, String name, Map<String, Double> signals, Map<Integer, String> descriptors) {}

  private record PitfallFile(
      String id,
      String name,
      String description,
      String advice,
      Severity severity,
      String note,
      List<String> phrases) {}

  private record PrincipleFile(
      String id,
      String name,
      String summary,
      String description,
      List<String> lookFor,
      List<CriterionFile> criteria,
      List<String> prompts,
      List<PitfallFile> pitfalls,
      List<FollowUp> followUps,
      Map<String, String> levels,
      List<String> keywords) {}

  private static final List<String> LEVEL_IDS = List.of("entry", "mid", "senior", "staff");

  private final String root;
  private final ClassLoader classLoader;
  private final ObjectMapper yaml =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final MessageDigest digest;

  CatalogReader(String root, ClassLoader classLoader) {
    this.root = root;
    this.classLoader = classLoader;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  RubricCatalog read() {
    CatalogFile catalog = parse("catalog.yaml", new TypeReference<>() {});
    List<PitfallDefinition> pitfalls = parse("pitfalls.yaml", new TypeReference<>() {});
    Map<String, List<String>> signals = parse("signals.yaml", new TypeReference<>() {});
    checkPitfalls(pitfalls);
    checkLevels(catalog.levels());
    Map<String, PitfallDefinition> pitfallsById = new LinkedHashMap<>();
    pitfalls.forEach(pitfall -> pitfallsById.put(pitfall.id(), pitfall));
    List<Principle> principles = new ArrayList<>();
    for (String id : catalog.principles()) {
      PrincipleFile file = parse("principles/" + id + ".yaml", new TypeReference<>() {});
      principles.add(toPrinciple(id, file, pitfallsById));
    }
    List<String> ids = principles.stream().map(Principle::id).toList();
    if (!ids.containsAll(Principles.AMAZON_LEADERSHIP)) {
      throw invalid("catalog.yaml", "must list all sixteen Amazon principles");
    }
    String version = catalog.version() + "-" + HexFormat.of().formatHex(digest.digest(), 0, 4);
    // read after the version is fixed: the examples teach search to read questions and change no
    // story's evaluation, so editing them must not re-judge every story
    Map<String, List<String>> questionExamples =
        parse("question-examples.yaml", new TypeReference<>() {});
    checkQuestionExamples(questionExamples);
    return new RubricCatalog(
        catalog.name(), version, catalog.levels(), pitfalls, principles, signals, questionExamples);
  }

  private static void checkQuestionExamples(Map<String, List<String>> examples) {
    if (!examples.keySet().equals(new java.util.HashSet<>(Principles.AMAZON_LEADERSHIP))) {
      throw invalid(
          "question-examples.yaml",
          "must give example questions for each of the sixteen principles");
    }
  }

  private <T> T parse(String file, TypeReference<T> type) {
    String path = root + "/" + file;
    try (InputStream in = classLoader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("rubric file " + path + " is not on the classpath");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
      // the version hash covers every file in the order read, line endings normalised
      digest.update(file.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return yaml.readValue(text, type);
    } catch (IOException e) {
      throw new IllegalStateException("rubric file " + path + " cannot be read: " + e, e);
    }
  }

  private Principle toPrinciple(
      String id, PrincipleFile file, Map<String, PitfallDefinition> definitions) {
    String where = "principles/" + id + ".yaml";
    if (!id.equals(file.id())) {
      throw invalid(where, "has id '" + file.id() + "'");
    }
    if (file.prompts() == null || file.prompts().size() < 6) {
      throw invalid(where, "needs at least six prompts");
    }
    if (file.criteria() == null || file.criteria().size() < 3) {
      throw invalid(where, "needs at least three criteria");
    }
    if (file.levels() == null || !file.levels().keySet().containsAll(LEVEL_IDS)) {
      throw invalid(where, "must say what each level shows: " + LEVEL_IDS);
    }
    if (file.keywords() == null || file.keywords().isEmpty()) {
      throw invalid(where, "needs keywords");
    }
    if (file.followUps() == null || file.followUps().size() < 4) {
      throw invalid(where, "needs at least four follow-up questions");
    }
    for (FollowUp followUp : file.followUps()) {
      if (!FollowUpTrigger.isKnown(followUp.when())) {
        throw invalid(where, "follow-up has unknown 'when': " + followUp.when());
      }
    }
    List<Criterion> criteria = new ArrayList<>();
    for (CriterionFile criterion : file.criteria()) {
      criteria.add(toCriterion(where, criterion));
    }
    return new Principle(
        id,
        required(where, "name", file.name()),
        required(where, "summary", file.summary()),
        required(where, "description", file.description()),
        file.lookFor() == null ? List.of() : file.lookFor(),
        criteria,
        file.prompts(),
        pitfalls(where, file.pitfalls(), definitions),
        file.followUps(),
        file.levels(),
        file.keywords());
  }

  private static Criterion toCriterion(String where, CriterionFile file) {
    if (file.descriptors() == null
        || !file.descriptors().keySet().equals(java.util.Set.of(1, 2, 3, 4))) {
      throw invalid(where, "criterion " + file.id() + " needs descriptors for 1, 2, 3 and 4");
    }
    if (file.signals() == null || file.signals().isEmpty()) {
      throw invalid(where, "criterion " + file.id() + " needs signals");
    }
    Map<Signal, Double> signals = new LinkedHashMap<>();
    file.signals().forEach((signal, weight) -> signals.put(Signal.fromId(signal), weight));
    return new Criterion(file.id(), file.name(), signals, file.descriptors());
  }

  /** Every principle has the twelve fixed pitfalls; its file may reweigh them or add its own. */
  private static List<PrinciplePitfall> pitfalls(
      String where, List<PitfallFile> overrides, Map<String, PitfallDefinition> definitions) {
    Map<String, PitfallFile> byId = new LinkedHashMap<>();
    if (overrides != null) {
      overrides.forEach(pitfall -> byId.put(pitfall.id(), pitfall));
    }
    List<PrinciplePitfall> pitfalls = new ArrayList<>();
    for (PitfallDefinition definition : definitions.values()) {
      PitfallFile override = byId.remove(definition.id());
      pitfalls.add(
          new PrinciplePitfall(
              definition.id(),
              definition.name(),
              definition.description(),
              definition.advice(),
              override != null && override.severity() != null
                  ? override.severity()
                  : definition.severity(),
              override == null ? null : override.note(),
              List.of()));
    }
    for (PitfallFile own : byId.values()) {
      if (own.name() == null || own.description() == null || own.advice() == null) {
        throw invalid(where, "pitfall " + own.id() + " needs a name, description and advice");
      }
      pitfalls.add(
          new PrinciplePitfall(
              own.id(),
              own.name(),
              own.description(),
              own.advice(),
              own.severity() == null ? Severity.MINOR : own.severity(),
              own.note(),
              own.phrases()));
    }
    return pitfalls;
  }

  private static void checkPitfalls(List<PitfallDefinition> pitfalls) {
    List<String> ids = pitfalls.stream().map(PitfallDefinition::id).toList();
    if (!ids.equals(PitfallIds.FIXED)) {
      throw invalid("pitfalls.yaml", "must define exactly the twelve fixed pitfalls, in order");
    }
  }

  private static void checkLevels(List<LevelDefinition> levels) {
    if (!levels.stream().map(LevelDefinition::id).toList().equals(LEVEL_IDS)) {
      throw invalid("catalog.yaml", "must define the levels " + LEVEL_IDS + " in order");
    }
  }

  private static String required(String where, String field, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(where, "needs a " + field);
    }
    return value.strip();
  }

  private static IllegalStateException invalid(String file, String problem) {
    return new IllegalStateException("rubric catalog: " + file + " " + problem);
  }
}
