package org.storybank.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storybank.api.Principles;

class RubricCatalogTest {

  private static RubricCatalog catalog;

  @BeforeAll
  static void load() {
    catalog = RubricCatalog.load();
  }

  @Test
  void coversTheSixteenPrinciplesInTheBriefsOrder() {
    assertThat(catalog.principles())
        .extracting(Principle::id)
        .containsExactlyElementsOf(Principles.AMAZON_LEADERSHIP);
  }

  @Test
  void everyPrincipleIsComplete() {
    for (Principle principle : catalog.principles()) {
      assertThat(principle.description()).as(principle.id()).hasSizeGreaterThan(200);
      assertThat(principle.prompts()).as(principle.id()).hasSizeGreaterThanOrEqualTo(6);
      assertThat(principle.criteria()).as(principle.id()).hasSizeGreaterThanOrEqualTo(4);
      for (Criterion criterion : principle.criteria()) {
        assertThat(criterion.descriptors()).as(criterion.id()).containsOnlyKeys(1, 2, 3, 4);
        assertThat(criterion.signals()).as(criterion.id()).isNotEmpty();
      }
      assertThat(principle.pitfalls())
          .as(principle.id())
          .extracting(PrinciplePitfall::id)
          .containsAll(PitfallIds.FIXED);
      assertThat(principle.followUps()).as(principle.id()).hasSizeGreaterThanOrEqualTo(6);
      assertThat(principle.levels())
          .as(principle.id())
          .containsOnlyKeys("entry", "mid", "senior", "staff");
      assertThat(principle.keywords()).as(principle.id()).isNotEmpty();
    }
  }

  @Test
  void ownershipIsCoveredInDepth() {
    Principle ownership = catalog.principle("ownership").orElseThrow();
    assertThat(ownership.lookFor()).hasSizeGreaterThanOrEqualTo(7);
    assertThat(ownership.criteria()).hasSizeGreaterThanOrEqualTo(7);
    assertThat(ownership.prompts()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(ownership.followUps()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(ownership.pitfall(PitfallIds.ASSIGNED_SCOPE_ONLY).severity())
        .isEqualTo(Severity.MAJOR);
  }

  @Test
  void theBarRisesWithTheLevel() {
    assertThat(catalog.levels())
        .extracting(LevelDefinition::bar)
        .isSortedAccordingTo(Integer::compare);
    assertThat(catalog.levels())
        .extracting(LevelDefinition::scope)
        .containsExactly("own task", "team", "several teams", "organisation");
  }

  @Test
  void theVersionIsAHumanVersionAndAContentHash() {
    assertThat(catalog.version()).matches("2026\\.11-[0-9a-f]{8}");
    assertThat(RubricCatalog.load().version()).isEqualTo(catalog.version());
  }

  @Test
  void changingAnyFileChangesTheVersion() {
    ClassLoader parent = RubricCatalog.class.getClassLoader();
    ClassLoader edited =
        new ClassLoader(parent) {
          @Override
          public InputStream getResourceAsStream(String name) {
            InputStream original = parent.getResourceAsStream(name);
            if (!name.equals("rubric/principles/frugality.yaml") || original == null) {
              return original;
            }
            try (original) {
              String text = new String(original.readAllBytes(), StandardCharsets.UTF_8);
              return new ByteArrayInputStream(
                  text.replace("Frugality", "Thrift").getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
    RubricCatalog changed = new CatalogReader(RubricCatalog.DEFAULT_ROOT, edited).read();
    assertThat(changed.principle("frugality").orElseThrow().name()).isEqualTo("Thrift");
    assertThat(changed.version()).startsWith("2026.11-").isNotEqualTo(catalog.version());
  }

  @Test
  void mapsPromptsToPrinciples() {
    assertThat(
            catalog.principlesFor(
                "Tell me about a time you owned a problem beyond your formal scope."))
        .first()
        .isEqualTo("ownership");
    assertThat(
            catalog.principlesFor(
                "Describe a time you disagreed with your manager and pushed back."))
        .first()
        .isEqualTo("have-backbone");
    assertThat(
            catalog.principlesFor(
                "Walk me through how you found the root cause of a difficult bug."))
        .first()
        .isEqualTo("dive-deep");
    assertThat(
            catalog.principlesFor(
                "Tell me about a time you saved your company money with a tight budget."))
        .first()
        .isEqualTo("frugality");
    assertThat(
            catalog.principlesFor("Tell me about a time you mentored someone who was struggling."))
        .first()
        .isEqualTo("hire-and-develop-the-best");
    assertThat(catalog.principlesFor("What is your favourite colour?")).isEmpty();
  }

  @Test
  void explainsWhyAPromptMatched() {
    PrincipleMatch best =
        catalog
            .rankPrinciples(
                "Tell me about a time you went out of your way for a difficult customer.")
            .get(0);
    assertThat(best.principle()).isEqualTo("customer-obsession");
    assertThat(best.phrases()).contains("difficult customer");
    assertThat(best.score()).isPositive();
  }
}
