package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Dimension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The anonymity rule, seen from the channel and from the leader: averages only from the threshold of answers
 * on, and nothing a leader receives ever carries one person's score.
 */
class PrivacyTest extends EngineTest {

    private static final String A_MEAN = "\\d[.,]\\d";

    @Test
    void withTwoOfThreeAnsweringThePostWithholdsTheScoresAndTheLeaderSeesNoneEither() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "5 5 5 5 5 5");
        ws.dm(ws.member(2), "1 2 1 2 1 2");
        ws.dm(ws.leader, "3 3 3 3 3 3");
        ws.clear();

        ws.command(ws.admin, "close-week");

        ChatMessage post = ws.posts().get(0).message();
        assertThat(lines(post)).contains(en("pulse.withheld", 2, 3), en("pulse.participation", 2, 3));
        assertThat(post.blocks()).noneMatch(Block.ScoreTable.class::isInstance);
        assertThat(text(post)).doesNotContainPattern(A_MEAN);

        ChatMessage digest = ws.digest();
        assertThat(lines(digest)).contains(en("pulse.withheld", 2, 3));
        assertThat(digest.blocks()).noneMatch(Block.ScoreTable.class::isInstance);
        assertThat(text(digest))
                .doesNotContainPattern(A_MEAN)
                .doesNotContain(en("digest.selfcheck.row", 3, "").strip());
        assertThat(text(ws.command(ws.leader, "status"))).doesNotContainPattern(A_MEAN);
        assertThat(ws.directs())
                .as("the leader is the only one who got a message")
                .allSatisfy(d -> assertThat(d.to().userId()).isEqualTo("UL"));
    }

    @Test
    void aDimensionWithFewerAnswersThanTheThresholdStaysHiddenEverywhere() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 4 4 4 4 4");
        ws.dm(ws.member(2), "1 1 1 1 1 1");
        ws.dm(ws.member(3), "freedom 3");
        ws.dm(ws.leader, "5 5 5 5 5 5");
        ws.clear();

        ws.command(ws.admin, "close-week");

        String withheld = en("pulse.dimension.withheld");
        for (ChatMessage m : List.of(ws.posts().get(0).message(), ws.digest())) {
            Block.ScoreTable table = scoreTable(m).orElseThrow();
            assertThat(table.rows()).hasSize(6).allSatisfy(r -> {
                if (r.label().equals(en("dimension.FREEDOM.name"))) {
                    assertThat(r.score()).isEqualTo("2.7");
                    assertThat(r.answers()).isEqualTo(en("pulse.answers", 3));
                } else {
                    assertThat(r.score()).as(r.label()).isEqualTo(withheld);
                    // TRUST shows only felt trust: of the two, those asked about it this week
                    assertThat(r.answers())
                            .as(r.label())
                            .isIn(en("pulse.answers", 2), en("pulse.answers", 1), en("pulse.answers", 0));
                }
            });
            assertThat(lines(m)).contains(en("pulse.someWithheld", 3));
        }
        ChatMessage digest = ws.digest();
        List<Block.ScoreTable> tables = digest.blocks().stream()
                .filter(Block.ScoreTable.class::isInstance)
                .map(Block.ScoreTable.class::cast)
                .toList();
        assertThat(tables).as("the pulse and the self-check").hasSize(2);
        assertThat(tables.get(1).rows())
                .as("the self-check only where the team's view is published")
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.label()).isEqualTo(en("dimension.FREEDOM.name"));
                    assertThat(r.score()).isEqualTo(en("digest.selfcheck.row", 5, "2.7"));
                });
        assertThat(text(digest))
                .as("the hidden dimensions' mean, and the two people's own scores")
                .doesNotContain("2.5")
                .doesNotContain("4.0")
                .doesNotContain("1.0");
    }

    @Test
    void withThreeMembersAnsweringTheMeansAppear() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 3 5 2 4 5");
        ws.dm(ws.member(2), "2 3 3 4 4 5");
        ws.dm(ws.member(3), "3 4 4 3 1 5");
        ws.clear();

        ws.command(ws.admin, "close-week");

        ChatMessage post = ws.posts().get(0).message();
        // The weekly TRUST mean is felt trust: only the members asked a felt-trust statement this week are in it.
        long felt = ws.members.stream().filter(m -> asksFeltTrust(ws, m)).count();
        assertThat(scoreTable(post).orElseThrow().rows())
                .extracting(Block.ScoreRow::label, Block.ScoreRow::score, Block.ScoreRow::answers)
                .containsExactly(
                        tuple("Vision", "3.0", en("pulse.answers", 3)),
                        felt == 3
                                ? tuple("Trust", "3.3", en("pulse.answers", 3))
                                : tuple("Trust", en("pulse.dimension.withheld"), en("pulse.answers", felt)),
                        tuple("Responsibility", "4.0", en("pulse.answers", 3)),
                        tuple("Freedom", "3.0", en("pulse.answers", 3)),
                        tuple("Connection", "3.0", en("pulse.answers", 3)),
                        tuple("Safety", "5.0", en("pulse.answers", 3)));
        assertThat(lines(post))
                .contains(en("pulse.participation", 3, 3), en("pulse.extremes", "Safety", "Vision"))
                .doesNotContain(en("pulse.withheld", 3, 3));
        ChatMessage digest = ws.digest();
        assertThat(scoreTable(digest)).contains(scoreTable(post).orElseThrow());
        assertThat(lines(digest)).contains(en("digest.selfcheck.none"));
    }

    @Test
    void commentsReachTheLeaderOnlyFromTheThresholdOfCommentersOnAndWithoutScores() {
        Ws few = new Ws().setUp(3);
        few.command(few.admin, "send-now");
        answerAndComment(few, few.member(1), 5, "Great focus this week");
        answerAndComment(few, few.member(2), 1, "Too many meetings");
        answerAndComment(few, few.member(3), 3, null);
        few.dm(few.member(3), "4 4 4 4 4 4");

        few.command(few.admin, "close-week");

        String digest = text(few.digest());
        assertThat(digest)
                .doesNotContain(en("digest.comments.title"))
                .doesNotContain("Great focus")
                .doesNotContain("Too many");

        Ws enough = new Ws().setUp(3);
        enough.command(enough.admin, "send-now");
        answerAndComment(enough, enough.member(1), 5, "Great focus this week");
        answerAndComment(enough, enough.member(2), 1, "Too many meetings");
        answerAndComment(enough, enough.member(3), 3, "Fine");

        enough.command(enough.admin, "close-week");

        ChatMessage released = enough.digest();
        assertThat(lines(released)).contains(en("digest.comments.title"));
        String commentBlock = lines(released).get(lines(released).indexOf(en("digest.comments.title")) + 1);
        assertThat(commentBlock.lines())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).doesNotContainPattern("\\d"));
        assertThat(commentBlock).contains("Great focus this week", "Too many meetings", "Fine");
    }

    @Test
    void whatAMemberAnsweredNeverReachesAnyoneButThemselves() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "1 1 1 1 1 1");
        ws.clear();

        ws.command(ws.leader, "status");
        ws.command(ws.admin, "status");
        assertThat(text(ws.command(ws.member(1), "mydata")))
                .as("while the week is open, the person sees their own answers")
                .contains(ws.week() + " · Vision: 1");
        ws.clear();
        ws.command(ws.admin, "close-week");

        assertThat(ws.directs()).extracting(d -> d.to().userId()).containsOnly("UL");
        for (RecordingGateway.Direct d : ws.directs()) {
            assertThat(d.message().blocks()).noneMatch(Block.ScoreTable.class::isInstance);
            assertThat(text(d.message())).doesNotContainPattern(A_MEAN);
        }
        assertThat(text(ws.command(ws.member(2), "mydata"))).contains(en("mydata.noAnswers"));
        assertThat(text(ws.command(ws.member(1), "mydata")))
                .as("destroyed at the close")
                .contains(en("mydata.noAnswers"));
    }

    /** Picks a score on the person's first check-in, and comments on it unless the comment is null. */
    private void answerAndComment(Ws ws, Sender who, int score, String comment) {
        RecordingGateway.Direct checkIn = ws.checkInsTo(who).get(0);
        Block.Scale scale = scales(checkIn.message()).get(0);
        assertThat(ws.click(who, scale.actionPrefix() + score, checkIn.ref())).isEmpty();
        if (comment != null) {
            Dimension d = Dimension.valueOf(scale.actionPrefix().split(":")[2]);
            assertThat(inbox.interaction(new Interaction(
                            who,
                            Actions.comment(checkInId(checkIn.message()), d),
                            Optional.of(comment),
                            Optional.of(checkIn.ref()))))
                    .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("comment.saved", 3)));
        }
    }
}
