package dev.siteready.team;

import dev.siteready.support.Db;
import dev.siteready.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** A workspace always keeps an owner, even when its two owners demote each other at the same moment. */
@QuarkusTest
class LastOwnerTest {

    @Test
    void concurrentMutualDemotionsLeaveAnOwner() throws Exception {
        WebSession first = WebSession.signUp("Two Owners Co");
        WebSession second = first.addMember("OWNER", "Second Owner");
        UUID workspace = Db.workspaceOf(first.email);
        UUID firstId = Db.memberOf(first.email);
        UUID secondId = Db.memberOf(second.email);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String firstVersion = version(first, firstId);
                String secondVersion = version(first, secondId);
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> demote(start, first, secondId, secondVersion), pool);
                CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> demote(start, second, firstId, firstVersion), pool);
                start.countDown();
                a.get();
                b.get();

                long owners = Db.asWorkspace(workspace, c -> Db.count(c, "SELECT count(*) FROM member WHERE role = 'OWNER'"));
                assertThat(owners).as("owners after round " + round).isEqualTo(1);
                // Make both owners again for the next round.
                Db.asWorkspace(workspace, c -> Db.update(c, "UPDATE member SET role = 'OWNER', version = version + 1"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String version(WebSession owner, UUID member) {
        return Db.asWorkspace(Db.workspaceOf(owner.email),
                c -> String.valueOf(Db.count(c, "SELECT version FROM member WHERE id = ?", member)));
    }

    private static int demote(CountDownLatch start, WebSession by, UUID member, String version) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return by.post("/settings/team/members/" + member + "/role", Map.of("role", "MANAGER", "version", version)).statusCode();
    }

}
