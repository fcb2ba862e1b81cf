package org.storybank.gateway.support;

import java.util.Optional;
import org.storybank.infra.PostgresDatabase;

/** One scratch PostgreSQL database for this test JVM, dropped when it exits. */
public final class ScratchDatabase {

  private static final String SERVER =
      Optional.ofNullable(System.getenv("STORYBANK_POSTGRES_URL"))
          .orElse("jdbc:postgresql://127.0.0.1:5432/postgres");
  public static final String USER =
      Optional.ofNullable(System.getenv("STORYBANK_POSTGRES_USER")).orElse("postgres");
  public static final String PASSWORD =
      Optional.ofNullable(System.getenv("STORYBANK_POSTGRES_PASSWORD")).orElse("");

  private static String url;

  private ScratchDatabase() {}

  public static synchronized String url() {
    if (url == null) {
      String created = PostgresDatabase.createScratchDatabase(SERVER, USER, PASSWORD);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> PostgresDatabase.dropDatabase(created, USER, PASSWORD)));
      url = created;
    }
    return url;
  }
}
