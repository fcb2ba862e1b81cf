package org.storybank.query.projection;

import java.util.Optional;
import org.storybank.api.loop.LoopEvent;
import org.storybank.api.loop.LoopEvents.LoopCancelled;
import org.storybank.api.loop.LoopEvents.LoopPlanned;
import org.storybank.api.loop.LoopEvents.LoopRevised;
import org.storybank.api.loop.LoopEvents.LoopUsageRecorded;

/**
 * Folds one loop event into the loop's document. Answers nothing to write when the document already
 * holds this event or a later one, or when the loop was never planned here; a cancelled loop is
 * kept, marked, so that a late event cannot bring it back.
 */
public final class LoopProjection {

  public Optional<LoopDocument> apply(
      Optional<LoopDocument> current, LoopEvent event, EventEnvelope envelope) {
    long version = envelope.sequence();
    if (current.isPresent() && current.get().version() >= version) {
      return Optional.empty();
    }
    if (event instanceof LoopPlanned planned) {
      return Optional.of(
          LoopDocument.planned(
              planned.loopId(),
              planned.candidateId(),
              planned.details(),
              version,
              envelope.timestamp()));
    }
    if (current.isEmpty()) {
      return Optional.empty();
    }
    LoopDocument loop = current.get();
    return Optional.of(
        switch (event) {
          case LoopRevised revised -> loop.with(revised.details(), version, envelope.timestamp());
          case LoopUsageRecorded usage ->
              loop.withUses(usage.uses(), version, envelope.timestamp());
          case LoopCancelled cancelled -> loop.cancelled(version, envelope.timestamp());
          case LoopPlanned planned -> throw new IllegalStateException("handled above");
        });
  }
}
