package org.storybank.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.storybank.gateway.support.MutableClock;
import org.storybank.security.Role;

class SigningKeysTest {

  private static final TokenIssuer.Subject SUBJECT =
      new TokenIssuer.Subject("u-1", Role.COACH, "Coach", "coach@example.org", List.of("c-1"));
  private static final TokenProperties PROPERTIES =
      new TokenProperties("storybank-gateway", "storybank-api", Duration.ofMinutes(15), "");

  private final TokenConfiguration configuration = new TokenConfiguration();
  private final MutableClock clock = new MutableClock();

  @Test
  void aKeyIsCreatedInAnEmptyDirectoryAndReadBackAtTheNextStart(@TempDir Path dir) {
    SigningKeys created = SigningKeys.load(dir.resolve("keys").toString(), clock);
    SigningKeys loaded = SigningKeys.load(dir.resolve("keys").toString(), clock);
    assertThat(loaded.current().getKeyID()).isEqualTo(created.current().getKeyID());
    assertThat(loaded.publicKeys().getKeys()).hasSize(1).noneMatch(JWK::isPrivate);
  }

  @Test
  void aTokenSignedBeforeARotationStaysValidAndTheNextRotationRetiresItsKey(@TempDir Path dir)
      throws Exception {
    SigningKeys keys = SigningKeys.load(dir.toString(), clock);
    TokenIssuer issuer = issuer(keys);
    JwtDecoder decoder = configuration.jwtDecoder(keys, PROPERTIES);
    String before = issuer.issue(SUBJECT).accessToken();
    String first = keys.current().getKeyID();

    clock.advance(Duration.ofSeconds(1));
    String second = keys.rotate();
    String after = issuer.issue(SUBJECT).accessToken();

    assertThat(decoder.decode(before).getHeaders()).containsEntry("kid", first);
    assertThat(decoder.decode(after).getHeaders()).containsEntry("kid", second);
    assertThat(keys.publicKeys().getKeys())
        .extracting(JWK::getKeyID)
        .containsExactly(second, first);

    clock.advance(Duration.ofSeconds(1));
    keys.rotate();
    assertThatThrownBy(() -> decoder.decode(before))
        .as("two rotations later the first key is gone")
        .isInstanceOf(BadJwtException.class);
    assertThat(decoder.decode(after).getSubject()).isEqualTo("u-1");
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).as("retired key files are deleted").hasSize(2);
    }
  }

  @Test
  void theNewestKeyFileSignsAfterARestart(@TempDir Path dir) {
    SigningKeys keys = SigningKeys.load(dir.toString(), clock);
    String first = keys.current().getKeyID();
    clock.advance(Duration.ofSeconds(1));
    String second = keys.rotate();

    SigningKeys restarted = SigningKeys.load(dir.toString(), clock);
    assertThat(restarted.current().getKeyID()).isEqualTo(second);
    assertThat(restarted.publicKeys().getKeys())
        .extracting(JWK::getKeyID)
        .containsExactly(second, first);
  }

  @Test
  void aTokenFromAKeyThatWasNeverOursIsRefused(@TempDir Path dir) throws Exception {
    SigningKeys ours = SigningKeys.load(dir.toString(), clock);
    SigningKeys theirs = SigningKeys.load("", Clock.systemUTC());
    String forged = issuer(theirs).issue(SUBJECT).accessToken();
    assertThatThrownBy(() -> configuration.jwtDecoder(ours, PROPERTIES).decode(forged))
        .isInstanceOf(BadJwtException.class);
  }

  private TokenIssuer issuer(SigningKeys keys) {
    return new TokenIssuer(configuration.jwtEncoder(keys), PROPERTIES, keys, Clock.systemUTC());
  }
}
