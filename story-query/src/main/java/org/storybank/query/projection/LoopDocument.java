package org.storybank.query.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.storybank.api.loop.LoopDetails;
import org.storybank.api.loop.LoopDetails.Interview;
import org.storybank.api.loop.StoryUse;

/**
 * An interview loop as the loops index holds it. {@code version} is the loop's aggregate sequence
 * number of the last event applied, the document's external version; {@code companyKey} is the
 * company folded to lower case, so that loops at one company are found whatever the spelling.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoopDocument(
    String loopId,
    String candidateId,
    String company,
    String companyKey,
    String role,
    String level,
    String date,
    List<Interview> interviews,
    List<StoryUse> uses,
    boolean cancelled,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public LoopDocument {
    interviews = interviews == null ? List.of() : List.copyOf(interviews);
    uses = uses == null ? List.of() : List.copyOf(uses);
  }

  static LoopDocument planned(
      String loopId, String candidateId, LoopDetails details, long version, Instant at) {
    return new LoopDocument(
            loopId, candidateId, null, null, null, null, null, null, null, false, version, at, at)
        .with(details, version, at);
  }

  LoopDocument with(LoopDetails details, long version, Instant at) {
    return new LoopDocument(
        loopId,
        candidateId,
        details.company(),
        companyKey(details.company()),
        details.role(),
        details.level(),
        details.date(),
        details.interviews(),
        uses,
        cancelled,
        version,
        createdAt,
        at);
  }

  LoopDocument withUses(List<StoryUse> uses, long version, Instant at) {
    return new LoopDocument(
        loopId,
        candidateId,
        company,
        companyKey,
        role,
        level,
        date,
        interviews,
        uses,
        cancelled,
        version,
        createdAt,
        at);
  }

  LoopDocument cancelled(long version, Instant at) {
    return new LoopDocument(
        loopId,
        candidateId,
        company,
        companyKey,
        role,
        level,
        date,
        interviews,
        uses,
        true,
        version,
        createdAt,
        at);
  }

  public static String companyKey(String company) {
    return company == null ? null : company.strip().toLowerCase(Locale.ROOT);
  }
}
