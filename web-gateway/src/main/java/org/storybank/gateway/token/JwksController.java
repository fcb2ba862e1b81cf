package org.storybank.gateway.token;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public halves of the current and the previous signing key; every service validates
 * tokens against them.
 */
@RestController
class JwksController {

  private final SigningKeys keys;

  JwksController(SigningKeys keys) {
    this.keys = keys;
  }

  @GetMapping("/oauth2/jwks")
  Map<String, Object> keys() {
    return keys.publicKeys().toJSONObject();
  }
}
