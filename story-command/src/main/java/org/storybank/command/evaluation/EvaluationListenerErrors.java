package org.storybank.command.evaluation;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.storybank.messaging.deadletter.DeadLetterConfiguration;
import org.storybank.messaging.membership.ConsumerMembershipConfiguration;

/**
 * The evaluation-results listener fails as every consumer does: an unreadable result is
 * dead-lettered at once, an event store that cannot be reached is retried until it can.
 */
@Configuration
@Import({DeadLetterConfiguration.class, ConsumerMembershipConfiguration.class})
class EvaluationListenerErrors {}
