package app.trustpulse.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.promise.PromiseQuestions;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaderRepository.Named;
import app.trustpulse.pulse.RatedLeaderRepository.PinnedWeek;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.TestTeams;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The check-ins of one round name the leader the week is pinned to and carry the leaders' promises, looked up once for
 * the round rather than once per person.
 */
class RoundMessagesTest {

    private static final WeekId WEEK = new WeekId(2026, 49);
    private static final Team TEAM = TestTeams.playground();

    @Test
    void aRoundLooksUpItsLeaderAndItsPromisesOnceForEveryone() {
        RatedLeaderRepository pins = mock(RatedLeaderRepository.class);
        when(pins.pinned(1, WEEK)).thenReturn(Optional.of(new PinnedWeek(WEEK, Optional.of(new Named("UL", "Sam")))));
        PromiseQuestions promises = mock(PromiseQuestions.class);
        PromiseQuestions roundQuestions = mock(PromiseQuestions.class);
        when(promises.forRound(TEAM, WEEK)).thenReturn(roundQuestions);
        when(roundQuestions.forCheckIn(any(), any(), anyBoolean()))
                .thenReturn(List.of(new Block.Context("Last week Sam did what was promised.")));
        CheckInMessages messages = new CheckInMessages(new Texts(), promises, new RatedLeaders(pins, id -> List.of()));

        Function<CheckIn, ChatMessage> round = messages.forRound(TEAM, WEEK);
        List<ChatMessage> sent =
                IntStream.range(0, 20).mapToObj(i -> round.apply(checkIn(i))).toList();

        assertThat(sent).allSatisfy(m -> {
            assertThat(m.blocks())
                    .filteredOn(Block.Scale.class::isInstance)
                    .singleElement()
                    .satisfies(b -> assertThat(((Block.Scale) b).statement()).contains("Sam"));
            assertThat(m.blocks()).contains(new Block.Context("Last week Sam did what was promised."));
        });
        verify(pins, times(1)).pinned(1, WEEK);
        verify(promises, times(1)).forRound(TEAM, WEEK);
        verify(roundQuestions, times(20)).forCheckIn(any(), any(), anyBoolean());
    }

    private static CheckIn checkIn(int person) {
        return new CheckIn(
                100 + person,
                1,
                "U" + person,
                WEEK,
                0,
                Role.MEMBER,
                List.of(StatementRef.current(Dimension.TRUST, Role.MEMBER, 4)),
                CheckIn.Status.SCHEDULED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
