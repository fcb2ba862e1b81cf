package org.storybank.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Well-formed RS256 tokens the gateway never issued: signed by a key it never had, or signed with
 * its real key (read from the state directory, as an insider with the key file could) but expired
 * or for another audience.
 */
final class ForgedTokens {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ForgedTokens() {}

  /** The gateway's current signing key: the newest key file in its key directory. */
  record GatewayKey(String keyId, PrivateKey privateKey) {

    static GatewayKey newestIn(Path keyDirectory) throws IOException, GeneralSecurityException {
      Path newest;
      try (Stream<Path> files = Files.list(keyDirectory)) {
        newest =
            files
                .filter(file -> file.getFileName().toString().endsWith(".jwk.json"))
                .max(Comparator.comparing(file -> file.getFileName().toString()))
                .orElseThrow(() -> new IllegalStateException("no key in " + keyDirectory));
      }
      JsonNode jwk = JSON.readTree(Files.readString(newest));
      BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText()));
      BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("d").asText()));
      return new GatewayKey(
          jwk.get("kid").asText(),
          KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(modulus, exponent)));
    }
  }

  /** Right key, right audience, but expired ten minutes ago. */
  static String expired(GatewayKey key, String userId, String role, List<String> cohorts)
      throws GeneralSecurityException, IOException {
    long now = Instant.now().getEpochSecond();
    return sign(
        key.keyId(),
        key.privateKey(),
        claims("storybank-api", userId, role, cohorts, now - 1200, now - 600));
  }

  /** Right key, live, but issued for another API. */
  static String forAnotherAudience(GatewayKey key, String userId, String role, List<String> cohorts)
      throws GeneralSecurityException, IOException {
    long now = Instant.now().getEpochSecond();
    return sign(
        key.keyId(),
        key.privateKey(),
        claims("another-api", userId, role, cohorts, now, now + 600));
  }

  /** Everything right but the key: an RSA key nobody published, its kid unknown to the gateway. */
  static String signedByAnotherKey(String userId, String role, List<String> cohorts)
      throws GeneralSecurityException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    long now = Instant.now().getEpochSecond();
    return sign(
        "forged-" + UUID.randomUUID(),
        generator.generateKeyPair().getPrivate(),
        claims("storybank-api", userId, role, cohorts, now, now + 600));
  }

  private static Map<String, Object> claims(
      String audience,
      String userId,
      String role,
      List<String> cohorts,
      long issued,
      long expires) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", "storybank-gateway");
    claims.put("aud", List.of(audience));
    claims.put("sub", userId);
    claims.put("role", role);
    claims.put("cohorts", cohorts);
    claims.put("iat", issued);
    claims.put("exp", expires);
    return claims;
  }

  private static String sign(String keyId, PrivateKey key, Map<String, Object> claims)
      throws GeneralSecurityException, IOException {
    String header =
        encode(JSON.writeValueAsString(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)));
    String payload = encode(JSON.writeValueAsString(claims));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header
        + "."
        + payload
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

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
