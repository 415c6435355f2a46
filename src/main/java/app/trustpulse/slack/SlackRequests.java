package app.trustpulse.slack;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.inbound.ChannelChange;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.work.DeliveryAttempts;
import app.trustpulse.work.TransientFailures;
import app.trustpulse.work.WorkHandler;
import com.google.gson.Gson;
import com.slack.api.methods.Methods;
import com.slack.api.model.view.View;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the work of an acknowledged Slack request, taken from the durable queue: the core ({@link ChatInbox}) decides
 * what happens, and the answer goes back the way Slack expects: ephemeral for commands and clicks, a reply in the DM
 * for typed messages (through {@link SlackOutbox}, paced per conversation, so one busy DM delays nobody else), a
 * refreshed Home tab for clicks on it.
 */
final class SlackRequests implements WorkHandler {

    static final String KIND = "slack-request";

    private static final Logger LOG = LoggerFactory.getLogger(SlackRequests.class);
    private static final Gson GSON = new Gson();
    /**
     * How long a command that meets passing database failures is run again before its person is told it could not be
     * done: well within the half hour a response URL takes answers.
     */
    static final Duration TRANSIENT_RETRY_WINDOW = Duration.ofMinutes(10);

    private final Supplier<ChatInbox> inbox;
    private final SlackPeople people;
    private final SlackOutbox outbox;
    private final SlackCalls calls;
    private final BlockKit blockKit;
    private final SlackTexts texts;
    private final SlackResponses responses;
    private final DeliveryAttempts attempts;
    private final SlackRequestCheck check;
    private final SlackConnection connection;
    private final EventWorkOnce once;
    private final Clock clock;

    SlackRequests(
            Supplier<ChatInbox> inbox,
            SlackPeople people,
            SlackOutbox outbox,
            SlackCalls calls,
            BlockKit blockKit,
            SlackTexts texts,
            SlackResponses responses,
            DeliveryAttempts attempts,
            SlackRequestCheck check,
            SlackConnection connection,
            EventWorkOnce once,
            Clock clock) {
        this.inbox = inbox;
        this.people = people;
        this.outbox = outbox;
        this.calls = calls;
        this.blockKit = blockKit;
        this.texts = texts;
        this.responses = responses;
        this.attempts = attempts;
        this.check = check;
        this.connection = connection;
        this.once = once;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** People wait for these; they go before fan-out such as a check-in round. */
    @Override
    public int priority() {
        return 10;
    }

    /** An event's work is done once however often the event was delivered: see {@link EventWorkOnce}. */
    @Override
    public void run(String key, String data) {
        if (once.doneBefore(key)) {
            LOG.debug("Slack: a redelivered event's work was done already; nothing to do");
            return;
        }
        handle(EventWorkOnce.workedAs(key), data);
        try {
            once.done(key);
        } catch (RuntimeException e) {
            // The work is done: failing it now would only have the queue do it again. Without the mark, only a
            // redelivery of the event (rare: Slack redelivers only what was acknowledged late) could run it again.
            LOG.warn(
                    "Slack: an event's work is done but could not be marked so ({})",
                    e.getClass().getSimpleName());
        }
    }

    private void handle(String key, String data) {
        SlackRequest r = GSON.fromJson(data, SlackRequest.class);
        Optional<String> impossible = check.problem(r);
        if (impossible.isPresent()) {
            // Queued before such requests were refused at the door; every try would fail the same way.
            LOG.warn("Slack: a queued {} request is dropped without a try: {}", r.type(), impossible.get());
            return;
        }
        connection.deferWhileDown();
        String answerId = SlackOutbox.answerTo(key);
        switch (r.type()) {
            case COMMAND -> command(r, attempts.firstTry(requestAttempt(answerId), clock.instant()), answerId);
            case CLICK -> click(r, key, answerId);
            case MODAL -> modal(r, key, answerId);
            case DIRECT_MESSAGE -> directMessage(r, answerId);
            case MEMBER_JOINED ->
                people.human(r.workspaceId(), r.userId())
                        .ifPresent(user ->
                                // Slack shows a mention by id with the person's current name: the inviter's id is all
                                // it takes.
                                inbox.get()
                                        .membersJoined(
                                                channelChange(
                                                        key,
                                                        r,
                                                        Optional.ofNullable(r.inviter())
                                                                .map(id -> new ChatUser(id, id, Optional.empty()))),
                                                List.of(user)));
            // Slack does not say who took someone out of a channel: it is announced as them leaving.
            case MEMBER_LEFT -> inbox.get().membersLeft(channelChange(key, r, Optional.empty()), List.of(r.userId()));
            case HOME_OPENED -> publishHome(people.sender(r.workspaceId(), r.userId()), Optional.empty());
        }
    }

    /** A member event, keyed by its queued key (the event's id), which is the same on every run of it. */
    private static ChannelChange channelChange(String key, SlackRequest r, Optional<ChatUser> by) {
        return new ChannelChange(Platform.SLACK, r.workspaceId(), r.channelId(), by, Optional.of("slack:" + key));
    }

    private static String requestAttempt(String answerId) {
        return "request-" + answerId;
    }

    /**
     * A command; one whose earlier run was cut short (the instance died, or the database failed it) is run as such,
     * so nothing happens twice. A passing database failure is thrown for the queue to run the command again, and the
     * person gets the real answer then; only a failure that will not pass, or one that outlasted
     * {@link #TRANSIENT_RETRY_WINDOW} of retries, is answered with an apology.
     */
    private void command(SlackRequest r, boolean firstRun, String answerId) {
        ChatMessage answer;
        try {
            Sender sender = people.sender(r.workspaceId(), r.userId());
            // Named by its answer's id, which is derived from the queued request and so the same on every run.
            CommandRequest request =
                    new CommandRequest(sender, Optional.ofNullable(r.channelId()), r.text(), Optional.of(answerId));
            answer = firstRun ? inbox.get().command(request) : inbox.get().commandAgain(request);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw cutShort(r);
            }
            if (TransientFailures.isTransient(e) && stillRetried(answerId)) {
                LOG.warn(
                        "/pulse {} in {} met a passing database failure ({}); it runs again from the queue",
                        SlackListeners.subcommandOf(r.text()),
                        r.workspaceId(),
                        e.getClass().getSimpleName());
                throw e;
            }
            LOG.error(
                    "/pulse {} in {} failed; the user was told it could not be done",
                    SlackListeners.subcommandOf(r.text()),
                    r.workspaceId(),
                    e);
            answer = ChatMessage.text(texts.get(Language.EN, "slack.error.generic"));
        }
        if (Thread.currentThread().isInterrupted()) {
            throw cutShort(r);
        }
        // A run that answered and then died, or was taken for dead, before the queue knew it was done is run again:
        // its person has their answer already.
        String answered = "answered-" + answerId;
        if (attempts.wasDelivered(answered)) {
            LOG.info(
                    "/pulse {} in {} ran again after it was answered; not answered twice",
                    SlackListeners.subcommandOf(r.text()),
                    r.workspaceId());
            return;
        }
        responses.answer(r.workspaceId(), r.userId(), r.responseUrl(), true, answer, answerId);
        attempts.delivered(answered, clock.instant());
    }

    /**
     * The instance is stopping and cut the command short (a send-now in the middle of its round): its answer would
     * tell half of it, if it got out at all. Thrown instead, so the queue runs the command again on an instance that
     * lives on, which finishes it and answers.
     */
    private static IllegalStateException cutShort(SlackRequest r) {
        return new IllegalStateException("/pulse " + SlackListeners.subcommandOf(r.text()) + " in " + r.workspaceId()
                + " was cut short by this instance stopping; it runs again");
    }

    /** Whether the command was first tried at most {@link #TRANSIENT_RETRY_WINDOW} ago. */
    private boolean stillRetried(String answerId) {
        Optional<Instant> first = attempts.firstTriedAt(requestAttempt(answerId));
        return first.isEmpty() || first.get().plus(TRANSIENT_RETRY_WINDOW).isAfter(clock.instant());
    }

    private void click(SlackRequest r, String key, String answerId) {
        Optional<MessageRef> ref = ref(r);
        Sender sender = people.sender(r.workspaceId(), r.userId());
        Optional<ChatMessage> answer =
                inbox.get().interaction(new Interaction(sender, r.action(), Optional.empty(), ref, Optional.of(key)));
        if (r.onHome()) {
            publishHome(sender, answer);
        } else if (answer.isPresent() && r.responseUrl() != null) {
            responses.answer(r.workspaceId(), r.userId(), r.responseUrl(), false, answer.get(), answerId);
        } else if (answer.isPresent()) {
            ephemeral(r.workspaceId(), ref.map(MessageRef::conversationId), r.userId(), answer.get(), answerId);
        }
    }

    private void modal(SlackRequest r, String key, String answerId) {
        Optional<MessageRef> ref = ref(r);
        Sender sender = people.sender(r.workspaceId(), r.userId());
        Optional<ChatMessage> answer = inbox.get()
                .interaction(new Interaction(sender, r.action(), Optional.ofNullable(r.text()), ref, Optional.of(key)));
        if (answer.isPresent()) {
            if (ref.isPresent()) {
                ephemeral(r.workspaceId(), Optional.of(r.refChannel()), r.userId(), answer.get(), answerId);
            } else {
                publishHome(sender, answer);
            }
        }
    }

    private void directMessage(SlackRequest r, String answerId) {
        Sender sender = people.sender(r.workspaceId(), r.userId());
        ChatMessage answer = inbox.get().directMessage(sender, r.text());
        outbox.post(r.workspaceId(), r.channelId(), answer, answerId);
    }

    private static Optional<MessageRef> ref(SlackRequest r) {
        return r.refChannel() == null || r.refTs() == null
                ? Optional.empty()
                : Optional.of(new MessageRef(Platform.SLACK, r.workspaceId(), r.refChannel(), r.refTs()));
    }

    private void publishHome(Sender sender, Optional<ChatMessage> notice) {
        ChatMessage content = inbox.get().home(sender);
        try {
            publish(sender, blockKit.home(notice, content));
        } catch (app.trustpulse.chat.ChatDeliveryException e) {
            ChatMessage textOnly = BlockKit.withoutUploadedImages(content);
            if (!SlackGateway.refusedBlocks(e) || textOnly.equals(content)) {
                throw e;
            }
            // the chart of an uploaded file that Slack does not show (yet): the tab without it
            publish(sender, blockKit.home(notice, textOnly));
        }
    }

    private void publish(Sender sender, View home) {
        calls.call(
                sender.workspaceId(),
                Methods.VIEWS_PUBLISH,
                null,
                c -> c.viewsPublish(q -> q.userId(sender.userId()).view(home)));
    }

    private void ephemeral(String ws, Optional<String> channel, String userId, ChatMessage message, String answerId) {
        if (channel.isEmpty()) {
            outbox.postToUser(ws, userId, message, answerId);
            return;
        }
        calls.call(
                ws,
                Methods.CHAT_POST_EPHEMERAL,
                channel.get(),
                c -> c.chatPostEphemeral(q -> q.channel(channel.get())
                        .user(userId)
                        .text(BlockKit.text(message))
                        .blocks(blockKit.message(message))));
    }
}
