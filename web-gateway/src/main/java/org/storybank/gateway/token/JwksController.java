package org.storybank.gateway.token;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing keys; every service validates tokens against them. */
@RestController
class JwksController {

  private final SigningKey key;

  JwksController(SigningKey key) {
    this.key = key;
  }

  @GetMapping("/oauth2/jwks")
  Map<String, Object> keys() {
    return key.publicKeys().toJSONObject();
  }
}
