package app.trustpulse.checkin;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The check-in module's facade: all the rest of the application asks of it. The scheduler runs the rounds, the
 * reminders, the retries and what a send-now left unfinished; commands and the playground start a send-now; the inbox
 * records what people answer. Sending, reminding and recording stay inside the package, put together by
 * {@link CheckInModule}.
 */
public final class CheckIns {

    /** Why a round sent nothing: its week is closed. */
    public static final String WEEK_CLOSED = "week closed";

    /** Why a send-now sent nothing: another one for the same team is running. */
    public static final String ALREADY_RUNNING = "a send-now for this team is already running";

    /** Work kind of a check-in whose delivery failed and is tried again with back-off. */
    public static final String RETRY_KIND = "check-in-retry";

    /** Work kind that finishes a send-now whose instance died. */
    public static final String RESUME_KIND = "send-now-resume";

    /** What became of one person's check-in. */
    public enum Delivery {
        SENT,
        ALREADY_SENT,
        FAILED,
        IN_FLIGHT,
        WEEK_CLOSED,
        NOTHING_LEFT
    }

    /**
     * What a round did. {@code inFlight} counts check-ins another sender holds; their claims are taken back once that
     * sender's instance is found dead, so a round that saw some is run again later.
     */
    public record Round(
            int sent, int alreadySent, int failed, int deferred, int inFlight, Optional<String> skippedBecause) {
        static Round skipped(String why) {
            return new Round(0, 0, 0, 0, 0, Optional.of(why));
        }
    }

    /**
     * What a reminder round did. {@code inFlight} reminders are claimed by another sender (perhaps a dead one, whose
     * claim is taken back once its instance is found dead); {@code failed} ones could not be delivered and were given
     * back.
     */
    public record ReminderRound(int sent, int inFlight, int failed) {

        public boolean finished() {
            return inFlight == 0 && failed == 0;
        }
    }

    /** Who is answering, as the platform told us. */
    public record Respondent(Platform platform, String workspaceId, String userId) {}

    private final SendingCheckIns sending;
    private final Reminding reminding;
    private final RecordingAnswers recording;

    CheckIns(SendingCheckIns sending, Reminding reminding, RecordingAnswers recording) {
        this.sending = sending;
        this.reminding = reminding;
        this.recording = recording;
    }

    /** A round fired by the team's check-in trigger. A round missed on an earlier day is skipped. */
    public Round scheduledRound(long teamId, Instant scheduledAt) {
        return sending.scheduledRound(teamId, scheduledAt);
    }

    /** The round of one person whose own timezone made it later than the team's. */
    public Delivery personalRound(long teamId, String userId) {
        return sending.personalRound(teamId, userId);
    }

    /** A send-now that is run once: everyone gets their next check-in of this week that they have not had yet. */
    public Round sendNow(long teamId) {
        return sending.sendNow(teamId);
    }

    /**
     * A send-now named by its request, {@code round}, the same when the request is run again after its instance died:
     * that run finishes the round instead of planning a second one.
     */
    public Round sendNow(long teamId, String round) {
        return sending.sendNow(teamId, round);
    }

    /** Whether the send-now of that request planned its round, so running the request again only finishes it. */
    public boolean isPlanned(String round) {
        return sending.isPlanned(round);
    }

    /**
     * Finishes a send-now of the team's week: sends what it planned and did not send. False when check-ins are still
     * held by an instance not yet found dead, or failed: try again later.
     */
    public boolean resumeSendNow(long teamId, WeekId week) {
        return sending.resumeSendNow(teamId, week);
    }

    /** A check-in whose delivery failed, tried again from the durable queue while its week is open. */
    public Delivery retry(long checkInId) {
        return sending.retry(checkInId);
    }

    /** Reminds everyone of the slot who has not answered; safe to run again. */
    public ReminderRound remind(long teamId, WeekId week, int slot) {
        return reminding.remind(teamId, week, slot);
    }

    /**
     * A score picked on a check-in; an empty score is "can't say". Returns a message for the respondent only when
     * something went wrong.
     */
    public Optional<ChatMessage> score(
            Respondent who,
            long checkInId,
            Dimension dimension,
            OptionalInt score,
            Optional<MessageRef> shownIn,
            Language fallback) {
        return recording.score(who, checkInId, dimension, score, shownIn, fallback);
    }

    /** A comment on an answered statement. */
    public ChatMessage comment(
            Respondent who,
            long checkInId,
            Dimension dimension,
            String text,
            Optional<MessageRef> shownIn,
            Language fallback) {
        return recording.comment(who, checkInId, dimension, text, shownIn, fallback);
    }

    /** A typed reply in the direct message. Nothing is stored unless all of it could be read. */
    public ChatMessage typed(Respondent who, String text, Language fallback) {
        return recording.typed(who, text, fallback);
    }

    /** Shows the person's own check-in again with what is recorded now, e.g. after they answered a question on it. */
    public void refresh(Respondent who, long checkInId, Optional<MessageRef> shownIn) {
        recording.refresh(who, checkInId, shownIn);
    }
}
