package org.storybank.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key the gateway signs access tokens with. Services only ever see its public half, through
 * the JWK set. Kept as a JSON Web Key file so the key id travels with it and can rotate.
 */
final class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

  private final RSAKey key;

  private SigningKey(RSAKey key) {
    this.key = key;
  }

  static SigningKey load(String keyFile) {
    if (keyFile == null || keyFile.isBlank()) {
      log.warn(
          "no STORYBANK_JWT_KEY_FILE: signing with a key that lives only as long as this process");
      return new SigningKey(generate());
    }
    Path path = Path.of(keyFile);
    try {
      if (Files.exists(path)) {
        return new SigningKey(RSAKey.parse(Files.readString(path)));
      }
      RSAKey generated = generate();
      Files.createDirectories(path.toAbsolutePath().getParent());
      Files.writeString(path, generated.toJSONString(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      log.info("created signing key {} in {}", generated.getKeyID(), path);
      return new SigningKey(generated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the signing key file " + path, e);
    } catch (ParseException e) {
      throw new IllegalStateException(path + " is not an RSA JSON Web Key: " + e.getMessage(), e);
    }
  }

  RSAKey privateKey() {
    return key;
  }

  JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .keyID(UUID.randomUUID().toString())
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA signing key", e);
    }
  }
}
