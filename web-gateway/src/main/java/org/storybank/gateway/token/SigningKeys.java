package org.storybank.gateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
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
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA keys the gateway signs access tokens with, newest first. The newest signs; the JWK set
 * publishes it and the one before, so tokens signed before a rotation stay valid until they expire.
 * Services only ever see the public halves.
 *
 * <p>In a key directory every key is a JSON Web Key file named {@code <UTC time>-<kid>.jwk.json}:
 * the name orders them, so a key placed there by hand is picked up at the next start. Older keys
 * than the two published are deleted at rotation.
 */
public final class SigningKeys {

  static final int PUBLISHED = 2;
  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final String SUFFIX = ".jwk.json";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final Clock clock;
  private volatile List<RSAKey> newestFirst;

  private SigningKeys(Path directory, Clock clock, List<RSAKey> newestFirst) {
    this.directory = directory;
    this.clock = clock;
    this.newestFirst = List.copyOf(newestFirst);
  }

  /** Keys from {@code keyDirectory}, one created there when it has none; blank: in memory only. */
  static SigningKeys load(String keyDirectory, Clock clock) {
    if (keyDirectory == null || keyDirectory.isBlank()) {
      log.warn(
          "no STORYBANK_JWT_KEY_DIR: signing with a key that lives only as long as this process");
      return new SigningKeys(null, clock, List.of(generate()));
    }
    Path directory = Path.of(keyDirectory);
    SigningKeys keys = new SigningKeys(directory, clock, read(directory));
    if (keys.newestFirst.isEmpty()) {
      keys.rotate();
    }
    return keys;
  }

  RSAKey current() {
    return newestFirst.get(0);
  }

  /** The public halves of the current and the previous key. */
  public JWKSet publicKeys() {
    return new JWKSet(
        newestFirst.stream().limit(PUBLISHED).map(key -> (JWK) key.toPublicJWK()).toList());
  }

  /** The current and previous key with their private halves: what the gateway itself verifies. */
  JWKSet verificationKeys() {
    return new JWKSet(newestFirst.stream().limit(PUBLISHED).map(key -> (JWK) key).toList());
  }

  /** A new current key; the one before stays published until the next rotation. */
  public synchronized String rotate() {
    RSAKey created = generate();
    List<RSAKey> keys = new ArrayList<>();
    keys.add(created);
    keys.addAll(newestFirst == null ? List.of() : newestFirst);
    if (directory != null) {
      write(created);
      deleteBeyondPublished();
    }
    newestFirst = List.copyOf(keys.subList(0, Math.min(PUBLISHED, keys.size())));
    log.info(
        "signing with key {}; published: {}",
        created.getKeyID(),
        newestFirst.stream().map(RSAKey::getKeyID).toList());
    return created.getKeyID();
  }

  private void write(RSAKey key) {
    Path file = directory.resolve(STAMP.format(clock.instant()) + "-" + key.getKeyID() + SUFFIX);
    try {
      Files.createDirectories(directory);
      Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the signing key file " + file, e);
    }
  }

  private void deleteBeyondPublished() {
    List<Path> files = keyFiles(directory);
    for (Path old : files.subList(Math.min(PUBLISHED, files.size()), files.size())) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        log.warn("could not delete the retired signing key {}: {}", old, e.toString());
      }
    }
  }

  private static List<RSAKey> read(Path directory) {
    List<RSAKey> keys = new ArrayList<>();
    for (Path file : keyFiles(directory)) {
      try {
        keys.add(RSAKey.parse(Files.readString(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the signing key file " + file, e);
      } catch (ParseException e) {
        throw new IllegalStateException(file + " is not an RSA JSON Web Key: " + e.getMessage(), e);
      }
    }
    return keys;
  }

  /** Newest first, by name. */
  private static List<Path> keyFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(SUFFIX))
          .sorted(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the signing keys in " + directory, e);
    }
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
