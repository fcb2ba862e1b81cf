package org.storybank.gateway.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.storybank.security.Caller;
import org.storybank.security.Role;

/**
 * The audit trail: each person's own (what was read or done to their stories and account), and the
 * whole of it for admins, with filters. Newest first, a page at a time.
 */
@RestController
class AuditController {

  static final int MAX_SIZE = 200;

  private final AuditLog log;

  AuditController(AuditLog log) {
    this.log = log;
  }

  record Page(List<AuditLog.Entry> entries, int page, int size, boolean hasMore) {}

  /** Entries whose owner is the caller: for a candidate, who read or changed their stories. */
  @GetMapping("/api/me/audit")
  Page mine(
      Caller caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    checkPaging(page, size);
    return page(
        log.find(new AuditLog.Filter(null, caller.userId(), null, null, null, null), page, size),
        page,
        size);
  }

  /**
   * {@code account} (as actor or owner), {@code story}, {@code action}, {@code from}/{@code to}.
   */
  @GetMapping("/api/admin/audit")
  Page all(
      Caller caller,
      @RequestParam(required = false) String accountId,
      @RequestParam(required = false) String storyId,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (!caller.is(Role.ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the audit trail is for admins");
    }
    checkPaging(page, size);
    AuditLog.Filter filter =
        new AuditLog.Filter(
            blankToNull(accountId),
            null,
            blankToNull(storyId),
            blankToNull(action),
            instant("from", from),
            instant("to", to));
    return page(log.find(filter, page, size), page, size);
  }

  private static Page page(List<AuditLog.Entry> found, int page, int size) {
    boolean more = found.size() > size;
    return new Page(more ? found.subList(0, size) : found, page, size, more);
  }

  private static void checkPaging(int page, int size) {
    if (page < 0) {
      throw new InvalidParameter("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidParameter("size", "must be between 1 and " + MAX_SIZE);
    }
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(name, "must be an ISO-8601 instant such as 2026-12-07T10:00:00Z");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @ExceptionHandler(InvalidParameter.class)
  ResponseEntity<ProblemDetail> invalid(InvalidParameter invalid) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, invalid.parameter + " " + invalid.getMessage());
    problem.setProperty("parameter", invalid.parameter);
    return ResponseEntity.badRequest().body(problem);
  }

  static final class InvalidParameter extends RuntimeException {
    private final String parameter;

    InvalidParameter(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }
  }
}
