package org.storybank.messaging.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.storybank.infra.TestServers;

/**
 * How long a consumer killed with SIGKILL and started again waits for its partitions, on a real
 * broker: as a dynamic member it waits out the session timeout (45 s) of the member it replaces; as
 * a static member under the same {@code group.instance.id} it takes them back at once.
 */
class RejoinAfterKillIntegrationTest {

  private static final Duration LIMIT = Duration.ofSeconds(90);

  @Test
  void aStaticMemberRejoinsAtOnceAfterAKillWhereADynamicOneWaitsOutTheSessionTimeout()
      throws Exception {
    String bootstrap = TestServers.shared().kafkaBootstrapServers();
    String topic = "rejoin-" + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }

    Duration dynamic = rejoinAfterKill(bootstrap, topic, null);
    Duration staticMember = rejoinAfterKill(bootstrap, topic, "instance-" + UUID.randomUUID());

    System.out.printf(
        "rejoin after SIGKILL: dynamic member %.1f s, static member %.1f s%n",
        dynamic.toMillis() / 1000.0, staticMember.toMillis() / 1000.0);
    assertThat(staticMember).isLessThan(Duration.ofSeconds(10));
    assertThat(dynamic).as("the broker's session timeout is 45 s").isGreaterThan(staticMember);
  }

  /** Time from the kill of a member holding every partition to its successor holding them. */
  private static Duration rejoinAfterKill(String bootstrap, String topic, String instanceId)
      throws Exception {
    String group = "rejoin-" + UUID.randomUUID();
    Process member =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GroupMember.class.getName(),
                bootstrap,
                group,
                topic,
                instanceId == null ? "-" : instanceId)
            .redirectErrorStream(true)
            .start();
    try {
      awaitAssigned(member);
    } finally {
      member.destroyForcibly();
      member.waitFor(10, TimeUnit.SECONDS);
    }
    long killedAt = System.nanoTime();
    try (KafkaConsumer<String, byte[]> successor =
        GroupMember.consumer(bootstrap, group, instanceId)) {
      successor.subscribe(List.of(topic));
      while (successor.assignment().size() < 3) {
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(LIMIT);
        successor.poll(Duration.ofMillis(100));
      }
    }
    return Duration.ofNanos(System.nanoTime() - killedAt);
  }

  private static void awaitAssigned(Process member) throws Exception {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + LIMIT.toNanos();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.equals("ASSIGNED")) {
        return;
      }
      assertThat(System.nanoTime()).as("member assigned in time").isLessThan(deadline);
    }
    throw new AssertionError("the member exited before it was assigned partitions");
  }
}
