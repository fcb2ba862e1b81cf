package org.storybank.gateway.identity;

import org.storybank.security.Role;

/** A person who can sign in. The password hash never leaves the identity package. */
public record Account(String userId, String email, String name, Role role) {}
