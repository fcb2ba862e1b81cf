package org.storybank.security.audit;

import java.util.Optional;

/** Whose a story is, for services that know (story-command): the owner of a change to it. */
@FunctionalInterface
public interface AuditOwners {

  Optional<String> authorOf(String storyId);
}
