package org.storybank.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Well-formed RS256 tokens with the right claims, signed by a key the gateway never had. */
final class ForgedTokens {

  private ForgedTokens() {}

  static String signedByAnotherKey() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    long now = Instant.now().getEpochSecond();
    String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}");
    String claims =
        encode(
            "{\"iss\":\"storybank-gateway\",\"aud\":[\"storybank-api\"],\"sub\":\"intruder\",\"role\":\"coach\","
                + "\"cohorts\":[\"cohort-1\",\"cohort-2\"],\"iat\":"
                + now
                + ",\"exp\":"
                + (now + 600)
                + "}");
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(keys.getPrivate());
    signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header
        + "."
        + claims
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
