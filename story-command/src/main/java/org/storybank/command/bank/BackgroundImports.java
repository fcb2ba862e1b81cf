package org.storybank.command.bank;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.storybank.api.story.Actor;

/**
 * Writes checked imports off the request thread, at most two at a time, recording their progress
 * after every story so the owner can follow it.
 */
@Component
class BackgroundImports implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(BackgroundImports.class);

  private final BankImport bankImport;
  private final ImportJobs jobs;
  private final ExecutorService writers =
      Executors.newFixedThreadPool(2, Thread.ofPlatform().name("bank-import-", 1).factory());

  BackgroundImports(BankImport bankImport, ImportJobs jobs) {
    this.bankImport = bankImport;
    this.jobs = jobs;
  }

  /** Starts writing; answers the import's id at once. */
  String start(Actor actor, String cohortId, BankImport.Prepared prepared) {
    String id = jobs.start(actor.userId(), prepared.writable(), prepared.errors());
    writers.execute(() -> write(id, actor, cohortId, prepared));
    return id;
  }

  private void write(String id, Actor actor, String cohortId, BankImport.Prepared prepared) {
    try {
      ImportReport report =
          bankImport.write(
              actor,
              cohortId,
              prepared,
              (done, imported, unchanged) -> jobs.advanced(id, done, imported, unchanged));
      jobs.finished(id, report);
    } catch (RuntimeException failed) {
      log.error("import {} stopped before its end", id, failed);
      jobs.interrupted(id);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    writers.shutdown();
    if (!writers.awaitTermination(20, TimeUnit.SECONDS)) {
      log.warn(
          "imports still writing at shutdown are left interrupted; importing again finishes them");
      writers.shutdownNow();
    }
  }
}
