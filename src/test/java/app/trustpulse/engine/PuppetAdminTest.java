package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.OpenWeekParticipation;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Role;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The puppet attack: an admin who wants one person's answers adds two accounts of their own to the team with
 * {@code /pulse add}, answers with both, and watches {@code status} and the pulse. With a threshold of 3, the one real
 * answer and the two puppets' would make three, the status would flip when the target answers, and the published
 * means minus the puppets' known scores would be the target's; the same with anonymous feedback. People added this
 * week count from next week on.
 */
class PuppetAdminTest extends EngineTest {

    private static final String A_MEAN = "\\d[.,]\\d";
    private static final String TARGET_SCORES = "5 1 4 2 5 1";
    private static final String PUPPET_SCORES = "3 3 3 3 3 3";

    @Test
    void twoAccountsAddedThisWeekNeitherFlipTheStatusNorUnveilTheOneRealAnswer() {
        Ws ws = new Ws().setUp(6);
        foundedWeeksAgo(ws, 2);
        ws.command(ws.admin, "send-now");
        List<Sender> puppets = addPuppets(ws);
        for (Sender puppet : puppets) {
            ws.dm(puppet, PUPPET_SCORES);
        }
        String belowThreshold = en("status.participation.open." + OpenWeekParticipation.BELOW_THRESHOLD, 3);
        assertThat(participation(ws)).isEqualTo(belowThreshold);

        ws.dm(ws.member(1), TARGET_SCORES);

        assertThat(participation(ws)).as("status once the target answered").isEqualTo(belowThreshold);
        ws.clear();
        ws.command(ws.admin, "close-week");
        ChatMessage pulse = ws.posts().get(0).message();
        assertThat(lines(pulse)).contains(en("pulse.withheld", 1, 3));
        assertThat(pulse.blocks()).noneMatch(Block.ScoreTable.class::isInstance);
        assertThat(text(pulse)).doesNotContainPattern(A_MEAN);
        ChatMessage digest = ws.digest();
        assertThat(digest.blocks()).noneMatch(Block.ScoreTable.class::isInstance);
        assertThat(text(digest)).doesNotContainPattern(A_MEAN);
        assertThat(text(ws.command(ws.admin, "status"))).contains(en("status.participation", 1, asked(ws)));
    }

    @Test
    void feedbackOfTwoAccountsAddedThisWeekDoesNotReleaseTheOneRealFeedback() {
        Ws ws = new Ws().setUp(6);
        foundedWeeksAgo(ws, 2);
        List<Sender> puppets = addPuppets(ws);
        long team = ws.team().id();
        for (int i = 0; i < puppets.size(); i++) {
            ws.click(puppets.get(i), Actions.sendFeedback(team, token(i), "Puppet feedback " + i));
        }
        ws.click(ws.member(1), Actions.sendFeedback(team, token(9), "Only the target wrote this"));
        ws.clear();

        ws.command(ws.admin, "close-week");

        String digest = text(ws.digest());
        assertThat(digest)
                .doesNotContain("Only the target wrote this")
                .doesNotContain("Puppet feedback")
                .contains(en("digest.feedback.held", 3));
    }

    @Test
    void theWeekAfterTheyJoinedTheAddedAccountsCountLikeEveryoneElse() {
        Ws ws = new Ws().setUp(6);
        foundedWeeksAgo(ws, 2);
        List<Sender> puppets = addPuppets(ws);
        // they were added last week (an addition every member saw announced in the channel)
        jdbc.sql("UPDATE team_member SET joined_at = :at WHERE team_id = :team AND user_id IN ('UP1', 'UP2')")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(7)))
                .param("team", ws.team().id())
                .update();
        ws.command(ws.admin, "send-now");
        for (Sender puppet : puppets) {
            ws.dm(puppet, PUPPET_SCORES);
        }
        assertThat(participation(ws))
                .isEqualTo(en("status.participation.open." + OpenWeekParticipation.BELOW_THRESHOLD, 3));

        ws.dm(ws.member(1), TARGET_SCORES);

        assertThat(participation(ws))
                .isNotEqualTo(en("status.participation.open." + OpenWeekParticipation.BELOW_THRESHOLD, 3));
        ws.clear();
        ws.command(ws.admin, "close-week");
        Block.ScoreTable table = scoreTable(ws.posts().get(0).message()).orElseThrow();
        // The weekly TRUST mean is felt trust: it shows when all three were asked a felt-trust statement this week.
        boolean feltByAll = asksFeltTrust(ws, ws.member(1)) && puppets.stream().allMatch(p -> asksFeltTrust(ws, p));
        assertThat(table.rows())
                .hasSize(6)
                .allSatisfy(r -> assertThat(r.score())
                        .matches(
                                r.label().equals(en("dimension.TRUST.name")) && !feltByAll
                                        ? en("pulse.dimension.withheld")
                                        : A_MEAN));
    }

    /** The team, its founding members and its leader are from {@code weeks} weeks ago, so they count this week. */
    private void foundedWeeksAgo(Ws ws, int weeks) {
        OffsetDateTime then = OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(7L * weeks));
        jdbc.sql("UPDATE team SET created_at = :at WHERE id = :team")
                .param("at", then)
                .param("team", ws.team().id())
                .update();
        jdbc.sql("UPDATE team_member SET joined_at = :at WHERE team_id = :team")
                .param("at", then)
                .param("team", ws.team().id())
                .update();
    }

    /** Two accounts of the admin's own, added to the team by command. */
    private List<Sender> addPuppets(Ws ws) {
        assertThat(ws.command(ws.admin, "add <@UP1> <@UP2>").summary()).isEqualTo(en("add.done", 2, 0));
        return List.of(
                new Sender(Platform.PLAYGROUND, ws.id, "UP1", "Pia", false),
                new Sender(Platform.PLAYGROUND, ws.id, "UP2", "Pim", false));
    }

    /** The participation line of {@code status} as the admin sees it. */
    private String participation(Ws ws) {
        return lines(ws.command(ws.admin, "status")).stream()
                .flatMap(l -> l.lines())
                .filter(l -> l.startsWith("This week"))
                .findFirst()
                .orElseThrow();
    }

    private int asked(Ws ws) {
        return checkIns.countAsked(ws.team().id(), ws.week(), Role.MEMBER);
    }

    /** A feedback preview's token, as a fresh preview makes it: now, and a number of its own. */
    private String token(int n) {
        return String.format("%08x%08x", clock.instant().getEpochSecond(), n);
    }
}
