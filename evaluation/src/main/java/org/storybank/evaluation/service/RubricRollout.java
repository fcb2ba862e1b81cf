package org.storybank.evaluation.service;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the rubric changes, every story's latest revision is judged again, in the background, with
 * progress in the log and in the metric {@code storybank.evaluation.rollout.remaining}. Interrupted
 * (a restart), it resumes where it was: what is left is whatever this version has not judged yet.
 */
@Component
class RubricRollout {

  private static final Logger log = LoggerFactory.getLogger(RubricRollout.class);
  private static final int BATCH = 200;

  private final StoryTexts stories;
  private final AutomaticEvaluator evaluator;
  private final AtomicLong remaining = new AtomicLong();

  RubricRollout(StoryTexts stories, AutomaticEvaluator evaluator, MeterRegistry metrics) {
    this.stories = stories;
    this.evaluator = evaluator;
    metrics.gauge("storybank.evaluation.rollout.remaining", remaining);
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Thread.ofVirtual().name("rubric-rollout").start(this::run);
  }

  void run() {
    String version = evaluator.rubricVersion();
    long total = stories.countNotEvaluatedBy(version);
    remaining.set(total);
    if (total == 0) {
      log.info("rubric {}: every story is judged by it already", version);
      return;
    }
    log.info("rubric {}: judging {} stories again in the background", version, total);
    long done = 0;
    long lastReport = System.nanoTime();
    try {
      List<String> batch;
      while (!(batch = stories.notEvaluatedBy(version, BATCH)).isEmpty()) {
        for (String storyId : batch) {
          var story = stories.find(storyId);
          if (story.isPresent()) {
            evaluator.evaluateIfDue(story.get());
          }
          done++;
          remaining.set(Math.max(0, total - done));
          if (System.nanoTime() - lastReport > 5_000_000_000L) {
            log.info("rubric {}: {} of {} stories judged", version, done, total);
            lastReport = System.nanoTime();
          }
        }
      }
      remaining.set(0);
      log.info("rubric {}: all {} stories judged", version, done);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.error(
          "rubric {}: roll-out stopped after {} of {} stories; it resumes on the next start",
          version,
          done,
          total,
          e);
    }
  }
}
