package app.trustpulse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromiseActionsTest {

    @Test
    void promiseButtonsReadBackAsTheyWereWritten() {
        assertThat(Actions.parse(Actions.promiseTip(12, 34))).contains(new Actions.PromiseTip(12, 34));
        assertThat(Actions.parse(Actions.promiseInOwnWords(12, Optional.of(Dimension.SAFETY))))
                .contains(new Actions.PromiseInOwnWords(12, Optional.of(Dimension.SAFETY)));
        assertThat(Actions.parse(Actions.promiseInOwnWords(12, Optional.empty())))
                .contains(new Actions.PromiseInOwnWords(12, Optional.empty()));
        assertThat(Actions.parse(Actions.endPromise(12))).contains(new Actions.EndPromise(12));
    }

    @Test
    void aNoticedAnswerReadsBackOnlyWithOneOfItsFourValues() {
        for (String v : Actions.NOTICED) {
            assertThat(Actions.parse(Actions.noticedPrefix(5, 6) + v)).contains(new Actions.AnswerNoticed(5, 6, v));
        }
        assertThat(Actions.parse(Actions.noticedPrefix(5, 6) + "4")).isEmpty();
        assertThat(Actions.parse("promise:12:own:NOPE")).isEmpty();
        assertThat(Actions.parse("promise:x:end")).isEmpty();
        assertThat(Actions.parse("promise:12:tip")).isEmpty();
    }

    @Test
    void scalesMayCarryScoresCantSayAndAnswersAboutPromises() {
        assertThat(Actions.isScaleValue("3")).isTrue();
        assertThat(Actions.isScaleValue("?")).isTrue();
        assertThat(Actions.isScaleValue("partly")).isTrue();
        assertThat(Actions.isScaleValue("6")).isFalse();
        assertThat(Actions.isScaleValue("maybe")).isFalse();
    }
}
