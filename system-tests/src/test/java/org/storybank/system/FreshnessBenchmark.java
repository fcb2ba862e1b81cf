package org.storybank.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./storybank bench freshness}: against a running {@code ./storybank up}, drafts stories
 * through the gateway one after another and measures, for each, the time from the command being
 * accepted (201) to the story being found by search (gateway → story-command → event store →
 * publisher → Kafka → story-query → Elasticsearch refresh). Prints p50, p99 and max. With {@code
 * --load RATE}, the same under a sustained write load ({@link FreshnessUnderLoad}).
 */
public final class FreshnessBenchmark {

  private FreshnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = List.of(args);
    int load = arguments.indexOf("--load");
    String gatewayUrl =
        System.getenv()
            .getOrDefault(
                "STORYBANK_GATEWAY_URL",
                "http://127.0.0.1:"
                    + System.getenv().getOrDefault("STORYBANK_GATEWAY_PORT", "8080"));
    Api gateway = new Api(gatewayUrl);
    if (load >= 0) {
      int seconds = arguments.indexOf("--seconds");
      new FreshnessUnderLoad(gateway)
          .run(
              Double.parseDouble(arguments.get(load + 1)),
              seconds >= 0 ? Integer.parseInt(arguments.get(seconds + 1)) : 60);
      return;
    }
    int stories = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    String token = gateway.login("candidate1@demo.storybank", "demo-password");
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < stories + 5; i++) {
      String marker = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      Api.Response created =
          gateway.post(
              "/api/stories",
              token,
              story(
                  "Freshness probe " + i,
                  "I carried the word " + marker + " through the pipeline."));
      if (created.status() != 201) {
        throw new IllegalStateException(
            "draft answered " + created.status() + ": " + created.body());
      }
      long accepted = System.nanoTime();
      while (gateway.get("/api/search/stories?q=" + marker, token).body().get("total").asLong()
          == 0) {
        if (System.nanoTime() - accepted > 30_000_000_000L) {
          throw new IllegalStateException("story " + i + " not searchable after 30 s");
        }
        Thread.sleep(5);
      }
      if (i >= 5) { // the first few warm the path up
        micros.add((System.nanoTime() - accepted) / 1_000);
      }
      gateway.post(
          "/api/stories/" + created.body().get("id").asText() + "/archive", token, Map.of());
    }
    micros.sort(Long::compare);
    System.out.printf(
        Locale.ROOT,
        "freshness (command accepted → searchable), %d stories one after another:"
            + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        micros.size(),
        percentile(micros, 50) / 1000.0,
        percentile(micros, 99) / 1000.0,
        micros.get(micros.size() - 1) / 1000.0);
  }

  /** A draft body: the same small story each time, its title and action chosen by the caller. */
  static Map<String, Object> story(String title, String action) {
    return Map.of(
        "title",
        title,
        "principles",
        List.of("ownership"),
        "prompts",
        List.of(),
        "level",
        "mid",
        "situation",
        "Deploys failed one time in five and nobody owned the pipeline.",
        "task",
        "Find out why and fix it for every team.",
        "action",
        action,
        "result",
        "Failures fell from 20% to under 1% within two weeks.");
  }

  static long percentile(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
