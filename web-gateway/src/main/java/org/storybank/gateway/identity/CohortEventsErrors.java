package org.storybank.gateway.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.storybank.messaging.deadletter.DeadLetterConfiguration;
import org.storybank.messaging.membership.ConsumerMembershipConfiguration;

/**
 * The cohort-events consumer fails as every consumer does (see {@link DeadLetterConfiguration}).
 */
@Configuration
@Import({DeadLetterConfiguration.class, ConsumerMembershipConfiguration.class})
class CohortEventsErrors {}
