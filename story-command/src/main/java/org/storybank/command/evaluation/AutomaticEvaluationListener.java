package org.storybank.command.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.storybank.api.evaluation.AutomaticEvaluation;
import org.storybank.api.evaluation.Evaluator;
import org.storybank.api.messaging.EventTopics;
import org.storybank.api.story.Actor;
import org.storybank.api.story.StoryCommands.RecordEvaluation;
import org.storybank.command.story.StoryNotFound;
import org.storybank.command.story.StoryRuleViolation;
import org.storybank.messaging.UnreadableRecord;

/**
 * Records the evaluation service's judgements as events of the story. The topic is internal: only
 * the evaluation service writes to it, and what it may record is still checked by the aggregate
 * (automatic evaluations only, of revisions that exist, once per revision and rubric version).
 */
@Component
class AutomaticEvaluationListener {

  static final String EVALUATOR_ID = "evaluation-service";

  private static final Logger log = LoggerFactory.getLogger(AutomaticEvaluationListener.class);

  private final CommandGateway commands;
  private final ObjectMapper json;

  AutomaticEvaluationListener(CommandGateway commands, ObjectMapper json) {
    this.commands = commands;
    this.json = json;
  }

  @KafkaListener(
      topics = EventTopics.EVALUATION_RESULTS,
      groupId = "${storybank.kafka.evaluation-consumer-group:story-command}")
  void on(ConsumerRecord<String, byte[]> record) {
    AutomaticEvaluation evaluation = read(record);
    try {
      commands.sendAndWait(
          new RecordEvaluation(
              evaluation.storyId(),
              Actor.evaluator(EVALUATOR_ID),
              evaluation.evaluationId(),
              Evaluator.automatic(EVALUATOR_ID),
              evaluation.revision(),
              evaluation.result()));
    } catch (StoryRuleViolation | StoryNotFound | AggregateNotFoundException refused) {
      log.warn(
          "evaluation {} of story {} refused: {}",
          evaluation.evaluationId(),
          evaluation.storyId(),
          refused.getMessage());
    }
  }

  private AutomaticEvaluation read(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null || record.value().length == 0) {
      throw new UnreadableRecord("empty record");
    }
    AutomaticEvaluation evaluation;
    try {
      evaluation = json.readValue(record.value(), AutomaticEvaluation.class);
    } catch (IOException e) {
      throw new UnreadableRecord("unreadable evaluation: " + e.getMessage(), e);
    }
    if (evaluation.storyId() == null
        || evaluation.evaluationId() == null
        || evaluation.result() == null) {
      throw new UnreadableRecord("evaluation without story, id or result");
    }
    return evaluation;
  }
}
