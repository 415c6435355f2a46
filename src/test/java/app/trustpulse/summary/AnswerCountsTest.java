package app.trustpulse.summary;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One meaning of "answers" everywhere: the scores given. "Can't say" makes its giver take part (participation and
 * the anonymity threshold count people) but is never an answer, and the texts say so.
 */
class AnswerCountsTest {

    private final Texts texts = new Texts();
    private final PulseMessages messages = new PulseMessages(texts, PulseCharts.none());
    private final WeekId week = new WeekId(2026, 47);

    /** Five people take part; on VISION three give a score and two say they can't say. */
    private WeeklyPulse pulse() {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            for (Dimension d : Dimension.values()) {
                OptionalInt score = d == Dimension.VISION && p >= 3 ? OptionalInt.empty() : OptionalInt.of(4);
                answers.add(new Answer(1, week, d, "p" + p, Role.MEMBER, score, Optional.empty(), true));
            }
        }
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), 6);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void answersAreScoresAndCantSayCountsOnlyAsTakingPart(Language lang) {
        Team team = new Team(
                1,
                Platform.PLAYGROUND,
                "demo",
                "team",
                "team",
                ZoneId.of("Europe/Amsterdam"),
                lang,
                3,
                TeamSchedule.defaults(),
                false);
        WeeklyPulse pulse = pulse();

        List<Block> body = messages.body(team, pulse);

        List<Block.ScoreRow> rows = body.stream()
                .filter(b -> b instanceof Block.ScoreTable)
                .flatMap(b -> ((Block.ScoreTable) b).rows().stream())
                .toList();
        assertThat(rows.get(0).label()).isEqualTo(texts.dimensionName(lang, Dimension.VISION));
        assertThat(rows.get(0).answers()).isEqualTo(texts.get(lang, "pulse.answers", 3));
        assertThat(rows.get(1).answers()).isEqualTo(texts.get(lang, "pulse.answers", 5));
        String participation = texts.get(lang, "pulse.participation", 5, 6);
        assertThat(body).contains(new Block.Text(participation));
        assertThat(participation.toLowerCase())
                .as("says where can't say is counted")
                .contains(texts.get(lang, "checkin.scale.cantSay.recorded"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noTextCallsCantSayAnAnswer(Language lang) {
        String cantSay = texts.get(lang, "checkin.scale.cantSay.recorded");
        for (String key : List.of("checkin.privacy", "pulse.participation", "welcome.member", "reply.forms")) {
            String text = texts.get(lang, key, 3, 6).toLowerCase();
            assertThat(text)
                    .as(key)
                    .doesNotContain(cantSay + "\" counts as an answer")
                    .doesNotContain(cantSay + "\" telt als antwoord");
        }
    }
}
