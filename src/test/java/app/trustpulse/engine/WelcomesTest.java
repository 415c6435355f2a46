package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.command.RunningCommands;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Welcomes go out from the durable queue, each claimed with its delivery id: one that failed goes out later, one
 * whose sender died is taken back after the claim timeout, one left over by a crash goes out on the next start, and
 * nobody is welcomed twice.
 */
class WelcomesTest extends EngineTest {

    @Autowired
    RunningCommands commands;

    @Test
    void aWelcomeThatCouldNotBeDeliveredGoesOutLaterAndEveryoneIsWelcomedOnce() {
        Ws ws = new Ws().withChannelMembers(3, true);
        Sender away = ws.member(2);
        gateway.unreachable(ws.id, away.userId());

        ws.command(ws.admin, "setup <@UL>");

        for (Sender s : List.of(ws.member(1), ws.member(3), ws.leader)) {
            assertThat(ws.directsTo(s)).as(s.userId()).hasSize(1);
        }
        assertThat(ws.directsTo(away)).isEmpty();
        assertThat(members.awaitingWelcome(ws.team().id(), Instant.EPOCH)).containsExactly(away.userId());

        gateway.reachable(ws.id, away.userId());
        assertThat(commands.sendWelcomes(ws.team().id())).isEqualTo(new RunningCommands.WelcomeRound(1, 0));
        settle();

        for (Sender s : ws.everyone()) {
            assertThat(ws.directsTo(s)).as(s.userId()).hasSize(1);
        }
        List<RecordingGateway.Tagged> tries = gateway.taggedTo(ws.id, away.userId());
        assertThat(tries).hasSize(2);
        assertThat(tries.get(1).delivery().id())
                .isEqualTo(tries.get(0).delivery().id());
        assertThat(tries.get(1).delivery().mayHaveLanded()).isTrue();
    }

    @Test
    void aWelcomeClaimedByADeadSenderIsTakenBackAfterTheClaimTimeoutWithItsDeliveryId() {
        Ws ws = new Ws().setUp(2);
        long teamId = ws.team().id();
        members.save(new Member(teamId, "U8", "Hiroko", Role.MEMBER, Optional.empty(), false, false));
        members.save(new Member(teamId, "U9", "Femke", Role.MEMBER, Optional.empty(), false, false));
        Instant now = clock.instant();
        String lost = members.claimWelcome(teamId, "U8", now.minus(Duration.ofHours(1)), Instant.EPOCH)
                .orElseThrow()
                .deliveryId();
        members.claimWelcome(teamId, "U9", now, now).orElseThrow();

        assertThat(commands.sendWelcomes(teamId))
                .as("U9's claim is fresh: another sender holds it")
                .isEqualTo(new RunningCommands.WelcomeRound(1, 1));

        assertThat(gateway.taggedTo(ws.id, "U8")).singleElement().satisfies(t -> {
            assertThat(t.delivery().id()).isEqualTo(lost);
            assertThat(t.delivery().mayHaveLanded()).isTrue();
        });
        assertThat(ws.directsTo(ws.outsider("U9"))).isEmpty();
    }

    @Test
    void welcomesLeftOverByACrashGoOutOnTheNextStart() {
        Ws ws = new Ws().setUp(2);
        long teamId = ws.team().id();
        // stored, but the instance died before it queued the welcomes
        members.save(new Member(teamId, "U7", "Gustavo", Role.MEMBER, Optional.empty(), false, false));

        commands.resumeWelcomes();
        settle();

        assertThat(ws.directsTo(ws.outsider("U7"))).hasSize(1);
        assertThat(members.awaitingWelcome(teamId, Instant.EPOCH)).isEmpty();
        assertThat(ws.directsTo(ws.member(1)))
                .as("those welcomed before are not welcomed again")
                .isEmpty();
    }
}
