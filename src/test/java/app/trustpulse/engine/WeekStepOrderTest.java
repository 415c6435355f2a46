package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.summary.ClosingWeeks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Leaders never see the week before their team: a leader's digest goes out only once the pulse is in the channel. */
class WeekStepOrderTest extends EngineTest {

    @Autowired
    ClosingWeeks closing;

    @Test
    void noDigestGoesOutWhileThePulseCannotBePostedAndItFollowsThePulseOnceItIs() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.clear();
        gateway.unreachable(ws.id, ws.channel);

        ws.command(ws.admin, "close-week");
        closing.finishUnfinished();

        assertThat(ws.posts()).as("pulse posts while the channel takes none").isEmpty();
        assertThat(ws.digests()).as("digests while the pulse is not out").isEmpty();

        gateway.reachable(ws.id, ws.channel);
        closing.finishUnfinished();

        assertThat(ws.posts()).hasSize(1);
        assertThat(ws.digests()).hasSize(1);
        long pulseAt = order(ws.posts().get(0).ref().messageId());
        long digestAt = ws.directsTo(ws.leader).stream()
                .filter(d -> d.message().summary().equals(ws.digests().get(0).summary()))
                .mapToLong(d -> order(d.ref().messageId()))
                .min()
                .orElseThrow();
        assertThat(digestAt).as("the digest after the pulse").isGreaterThan(pulseAt);
    }

    /** The recording gateway numbers every message it takes, posts and direct messages alike. */
    private static long order(String messageId) {
        return Long.parseLong(messageId.substring(1));
    }
}
