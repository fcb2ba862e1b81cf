package org.storybank.evaluation.service;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.storybank.messaging.deadletter.DeadLetterConfiguration;
import org.storybank.messaging.membership.ConsumerMembershipConfiguration;

/**
 * The story-events consumer fails as every consumer does: a database outage is retried with
 * back-off until it ends (it used to drop the record after ten immediate tries), an unreadable
 * record is dead-lettered at once.
 */
@Configuration
@Import({DeadLetterConfiguration.class, ConsumerMembershipConfiguration.class})
class ConsumerErrors {}
