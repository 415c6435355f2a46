package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work that failed all of its tries waits for an admin: "status" tells admins (not leaders) that it is there,
 * "work" lists it without what it carries, "work retry" sends a piece back to the queue, where it runs, and
 * "work drop" throws it away.
 */
class FailedWorkTest extends EngineTest {

    private static final Instant PARKED_AT = Instant.parse("2026-11-26T10:15:00Z");

    @BeforeEach
    void noParkedWork() {
        jdbc.sql("DELETE FROM work_dead_letter").update();
    }

    @Test
    void anAdminSeesParkedWorkSendsOnePieceBackWhereItRunsAndDropsTheRest() {
        Ws ws = new Ws().setUp(2);
        // finish-weeks is what every start queues: safe to run again at any time
        long first = park("finish-weeks", "start-parked-1", "IllegalStateException");
        long second = park("finish-weeks", "start-parked-2", null);

        ChatMessage list = ws.command(ws.admin, "work");

        assertThat(list.summary()).isEqualTo(en("work.title", 2));
        assertThat(list.blocks())
                .contains(new Block.Text(
                        en("work.item", first, "finish-weeks", 10, "2026-11-26 10:15 UTC", "IllegalStateException")
                                + "\n" + en("work.item", second, "finish-weeks", 10, "2026-11-26 10:15 UTC", "—")));
        assertThat(ws.command(ws.admin, "status").blocks()).contains(new Block.Context(en("status.work", 2)));
        assertThat(ws.command(ws.leader, "status").blocks()).doesNotContain(new Block.Context(en("status.work", 2)));

        assertThat(ws.command(ws.admin, "work retry #" + first).summary()).isEqualTo(en("work.retried", first));
        assertThat(parked()).isEqualTo(1);
        settle();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = 'start-parked-1'")
                        .query(Long.class)
                        .single())
                .as("ran and done")
                .isZero();
        assertThat(ws.command(ws.admin, "work retry " + first).summary()).isEqualTo(en("work.unknown", first));

        assertThat(ws.command(ws.admin, "work drop all").summary()).isEqualTo(en("work.droppedAll", 1));
        assertThat(parked()).isZero();
        assertThat(ws.command(ws.admin, "work").summary()).isEqualTo(en("work.none"));
        assertThat(ws.command(ws.admin, "status").blocks())
                .noneMatch(b -> b.toString().contains("/pulse work"));
    }

    private long park(String kind, String key, String failure) {
        jdbc.sql("""
                INSERT INTO work_dead_letter (task_name, task_instance, task_data, attempts, failure, parked_at)
                VALUES (:kind, :key, :data, 10, :failure, :at)""")
                .param("kind", kind)
                .param("key", key)
                .param("data", new byte[0])
                .param("failure", failure)
                .param("at", OffsetDateTime.ofInstant(PARKED_AT, ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT id FROM work_dead_letter WHERE task_instance = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }

    private long parked() {
        return jdbc.sql("SELECT COUNT(*) FROM work_dead_letter")
                .query(Long.class)
                .single();
    }
}
