package org.storybank.gateway.identity;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Accepts an invitation code on the command side, in the name of the new candidate. */
@Component
class Enrollments {

  private final RestClient commandSide;

  Enrollments(
      RestClient.Builder http, @Value("${storybank.services.command-url}") String commandUrl) {
    this.commandSide = http.baseUrl(commandUrl).build();
  }

  /**
   * The one answer to a registration refused for a reason that depends on accounts or codes, so
   * that none of them can be told apart.
   */
  static RequestRejected codeRefused() {
    return new RequestRejected(
        "invitationCode",
        "unknown, already used or expired, or not usable for this email",
        HttpStatus.BAD_REQUEST);
  }

  /** The cohort the code enrolled the candidate in. */
  String enroll(String code, String candidateToken) {
    try {
      Map<?, ?> answer =
          commandSide
              .post()
              .uri("/api/cohorts/enrollments")
              .contentType(MediaType.APPLICATION_JSON)
              .header("Authorization", "Bearer " + candidateToken)
              .body(Map.of("code", code))
              .retrieve()
              .body(Map.class);
      return String.valueOf(answer.get("cohortId"));
    } catch (RestClientResponseException refused) {
      if (refused.getStatusCode().is4xxClientError()) {
        throw codeRefused();
      }
      throw new RequestRejected(
          "invitationCode",
          "cannot be checked right now; try again",
          HttpStatus.SERVICE_UNAVAILABLE);
    } catch (RestClientException unreachable) {
      throw new RequestRejected(
          "invitationCode",
          "cannot be checked right now; try again",
          HttpStatus.SERVICE_UNAVAILABLE);
    }
  }
}
