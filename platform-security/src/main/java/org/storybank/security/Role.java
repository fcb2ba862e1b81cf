package org.storybank.security;

import java.util.Arrays;
import java.util.Optional;

/** What a caller is in the organisation; decides which stories and cohorts they may touch. */
public enum Role {
  ADMIN("admin"),
  COACH("coach"),
  CANDIDATE("candidate");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
  }
}
