package org.storybank.security.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.storybank.security.Caller;
import org.storybank.security.Role;

/**
 * Every change a caller makes through a controller (a POST, PUT, PATCH or DELETE answered 2xx) goes
 * on the audit trail as {@code "METHOD /route/{template}"}, with the story, the other object it
 * named and whose it was: a {@code candidateId} or {@code userId} in the path, else the story's
 * author, else the caller when a candidate acts on their own. Requests the gateway only passes on
 * are not controller calls: the service behind records them once. Recorded once the answer is
 * written (the change stands either way); a write that fails is logged as an error.
 */
final class AuditedChanges implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AuditedChanges.class);

  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> OWNER_VARIABLES = Set.of("candidateId", "userId");

  private final AuditTrail trail;
  private final Optional<AuditOwners> owners;

  AuditedChanges(AuditTrail trail, Optional<AuditOwners> owners) {
    this.trail = trail;
    this.owners = owners;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (!(handler instanceof HandlerMethod method)
        || method.hasMethodAnnotation(NotAChange.class)
        || !CHANGES.contains(request.getMethod())
        || response.getStatus() >= 300
        || failure != null
        || !(SecurityContextHolder.getContext().getAuthentication()
            instanceof JwtAuthenticationToken token)) {
      return;
    }
    Caller caller;
    try {
      caller = Caller.from(token.getToken());
    } catch (RuntimeException noKnownRole) {
      return;
    }
    try {
      trail.record(caller, entry(request, response, caller));
    } catch (RuntimeException e) {
      // the change stands and its answer has left: say loudly what the trail misses
      log.error(
          "AUDIT TRAIL MISSES: {} {} by {} ({})",
          request.getMethod(),
          request.getRequestURI(),
          caller.userId(),
          e.getMessage());
    }
  }

  AuditEntry entry(HttpServletRequest request, HttpServletResponse response, Caller caller) {
    String pattern =
        String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    variables = variables == null ? Map.of() : variables;
    String storyId = variables.get("storyId");
    String created = createdId(response);
    if (storyId == null && created != null && pattern.startsWith("/api/stories")) {
      storyId = created;
      created = null;
    }
    String target =
        variables.entrySet().stream()
            .filter(variable -> !variable.getKey().equals("storyId"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(created);
    String owner =
        variables.entrySet().stream()
            .filter(variable -> OWNER_VARIABLES.contains(variable.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    if (owner == null && storyId != null && owners.isPresent()) {
      owner = owners.get().authorOf(storyId).orElse(null);
    }
    if (owner == null && caller.is(Role.CANDIDATE)) {
      owner = caller.userId();
    }
    return new AuditEntry(request.getMethod() + " " + pattern, storyId, target, owner);
  }

  private static String createdId(HttpServletResponse response) {
    String location = response.getHeader(HttpHeaders.LOCATION);
    if (location == null || location.isBlank()) {
      return null;
    }
    String path = location.replaceAll("[?#].*$", "");
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
