package app.trustpulse.slack;

import app.trustpulse.chat.MessageRef;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.WorkQueue;
import com.google.gson.Gson;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.methods.Methods;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MemberLeftChannelEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt listeners: each validates the request, writes its work to the durable queue (one insert) and acknowledges;
 * {@link SlackRequests} does the work from there, on whichever instance claims it. Opening a modal is the exception:
 * Slack's trigger id is valid for three seconds, so it is opened before the acknowledgement.
 */
class SlackListeners {

    private static final Logger LOG = LoggerFactory.getLogger(SlackListeners.class);
    private static final Gson GSON = new Gson();
    private static final Gson SLACK_GSON = GsonFactory.createSnakeCase();
    private static final Response BAD_REQUEST = Response.builder()
            .statusCode(400)
            .contentType("text/plain")
            .body("malformed payload")
            .build();

    private final Supplier<ProcessedEvents> processed;
    private final SlackPeople people;
    private final SlackCalls calls;
    private final BlockKit blockKit;
    private final Supplier<WorkQueue> work;
    private final Optional<InstallationService> installations;
    private final SlackRequestCheck check;
    private final SlackTexts texts;
    private final Clock clock;

    SlackListeners(
            Supplier<ProcessedEvents> processed,
            SlackPeople people,
            SlackCalls calls,
            BlockKit blockKit,
            Supplier<WorkQueue> work,
            Optional<InstallationService> installations,
            SlackRequestCheck check,
            SlackTexts texts,
            Clock clock) {
        this.processed = processed;
        this.people = people;
        this.calls = calls;
        this.blockKit = blockKit;
        this.work = work;
        this.installations = installations;
        this.check = check;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Writes the request's work to the database before Slack gets its acknowledgement, so nothing acknowledged is
     * lost; an event Slack redelivers has the same key and is queued once.
     */
    private void queue(String key, SlackRequest request) {
        work.get().enqueue(SlackRequests.KIND, key, GSON.toJson(request));
    }

    private void queue(SlackRequest request) {
        queue(UUID.randomUUID().toString(), request);
    }

    /**
     * Why the request could never be worked on, logged once; such a request is answered at once (how depends on what
     * Slack does with the answer) and never queued, where it would only fail every try.
     */
    private Optional<String> impossible(SlackRequest request) {
        Optional<String> problem = check.problem(request);
        problem.ifPresent(why ->
                LOG.warn("Slack: a signed {} request was refused before it was queued: {}", request.type(), why));
        return problem;
    }

    /** Where a modal's submission belongs: the action, and the message the button was on (if any). */
    record ModalContext(String action, String channel, String ts) {}

    void register(App app) {
        app.command("/pulse", this::command);
        app.blockAction(
                Pattern.compile(Pattern.quote(BlockKit.SCALE) + ".+|" + Pattern.quote(BlockKit.BUTTON) + ".+"),
                this::click);
        app.blockAction(Pattern.compile(Pattern.quote(BlockKit.ASK) + ".+"), this::ask);
        app.viewSubmission(BlockKit.INPUT_CALLBACK, this::submit);
        app.event(MessageEvent.class, this::directMessage);
        app.event(MemberJoinedChannelEvent.class, this::memberJoined);
        app.event(MemberLeftChannelEvent.class, this::memberLeft);
        app.event(AppHomeOpenedEvent.class, this::homeOpened);
        app.event(AppUninstalledEvent.class, this::uninstalled);
        app.event(TokensRevokedEvent.class, this::tokensRevoked);
    }

    /** The subcommand alone, for logs: the rest of a command may be feedback someone wrote. */
    static String subcommandOf(String text) {
        String first = text == null ? "" : text.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return first.matches("[a-z-]{1,20}") ? first : "(other)";
    }

    static String workspaceOf(Context ctx) {
        return ctx.isEnterpriseInstall() && ctx.getEnterpriseId() != null ? ctx.getEnterpriseId() : ctx.getTeamId();
    }

    // ---- /pulse

    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload p = req.getPayload();
        String ws = workspaceOf(ctx);
        if (ws == null || p.getUserId() == null || p.getResponseUrl() == null) {
            return BAD_REQUEST;
        }
        Optional<String> channel = Optional.ofNullable(p.getChannelId()).filter(c -> !c.startsWith("D"));
        String text = Mentions.normalize(p.getText());
        SlackRequest request = new SlackRequest(
                SlackRequest.Type.COMMAND,
                ws,
                p.getUserId(),
                channel.orElse(null),
                text,
                p.getResponseUrl(),
                null,
                null,
                null,
                false);
        if (impossible(request).isPresent()) {
            // The acknowledgement's text is shown to the person ephemerally; it needs neither their id nor the URL.
            return ctx.ack(texts.get(Language.EN, "slack.refused.request"));
        }
        queue(request);
        return ctx.ack();
    }

    // ---- clicks

    private Response click(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String ws = workspaceOf(ctx);
        if (ws == null
                || p.getUser() == null
                || p.getActions() == null
                || p.getActions().size() != 1
                || p.getActions().get(0).getValue() == null) {
            return BAD_REQUEST;
        }
        String action = p.getActions().get(0).getValue();
        Optional<MessageRef> ref = messageOf(ws, p);
        boolean onHome = p.getView() != null && "home".equals(p.getView().getType());
        SlackRequest request = new SlackRequest(
                SlackRequest.Type.CLICK,
                ws,
                p.getUser().getId(),
                null,
                null,
                p.getResponseUrl(),
                action,
                ref.map(MessageRef::conversationId).orElse(null),
                ref.map(MessageRef::messageId).orElse(null),
                onHome);
        if (impossible(request).isPresent()) {
            return BAD_REQUEST;
        }
        if (!firstClick(ws, p, action)) {
            return ctx.ack();
        }
        queue(request);
        return ctx.ack();
    }

    /**
     * A double click sends the same action twice for the same rendering of a message; the second is ignored. After
     * the message was updated (it shows what was recorded), the same button counts again.
     */
    private boolean firstClick(String ws, BlockActionPayload p, String action) {
        String state;
        if (p.getContainer() != null && p.getContainer().getMessageTs() != null) {
            state = p.getContainer().getChannelId()
                    + '/'
                    + p.getContainer().getMessageTs()
                    + '/'
                    + (p.getMessage() == null
                            ? ""
                            : SLACK_GSON.toJson(p.getMessage().getBlocks()));
        } else if (p.getView() != null) {
            state = p.getView().getId() + '/' + p.getView().getHash();
        } else {
            state = p.getActions().get(0).getActionTs();
        }
        String key = "slack:click:" + ws + ':' + p.getUser().getId() + ':' + sha256(action + '\n' + state);
        return processed.get().firstTime(key, clock.instant());
    }

    /** The bot message a click was on; ephemeral messages cannot be updated through the Web API, so they have none. */
    private static Optional<MessageRef> messageOf(String ws, BlockActionPayload p) {
        if (p.getContainer() != null
                && p.getContainer().getMessageTs() != null
                && p.getContainer().getChannelId() != null
                && !p.getContainer().isEphemeral()) {
            return Optional.of(new MessageRef(
                    Platform.SLACK,
                    ws,
                    p.getContainer().getChannelId(),
                    p.getContainer().getMessageTs()));
        }
        return Optional.empty();
    }

    // ---- buttons that ask for text first: a modal, opened within the trigger's 3 seconds

    private Response ask(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String ws = workspaceOf(ctx);
        if (ws == null
                || p.getUser() == null
                || p.getTriggerId() == null
                || p.getActions() == null
                || p.getActions().size() != 1) {
            return BAD_REQUEST;
        }
        Optional<BlockKit.Ask> ask = BlockKit.readAsk(p.getActions().get(0).getValue());
        if (ask.isEmpty()) {
            return BAD_REQUEST;
        }
        Optional<MessageRef> ref = messageOf(ws, p);
        // Checked as the submission will be queued, before a modal is opened for it.
        if (impossible(new SlackRequest(
                        SlackRequest.Type.MODAL,
                        ws,
                        p.getUser().getId(),
                        null,
                        null,
                        null,
                        ask.get().action(),
                        ref.map(MessageRef::conversationId).orElse(null),
                        ref.map(MessageRef::messageId).orElse(null),
                        false))
                .isPresent()) {
            return BAD_REQUEST;
        }
        if (!firstClick(ws, p, ask.get().action())) {
            return ctx.ack();
        }
        String meta = GSON.toJson(new ModalContext(
                ask.get().action(),
                ref.map(MessageRef::conversationId).orElse(null),
                ref.map(MessageRef::messageId).orElse(null)));
        View modal = blockKit.modal(
                ask.get(), meta, people.person(ws, p.getUser().getId()).language());
        calls.call(
                ws,
                Methods.VIEWS_OPEN,
                null,
                c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(modal)));
        return ctx.ack();
    }

    private Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = req.getPayload();
        String ws = workspaceOf(ctx);
        View view = p.getView();
        if (ws == null || p.getUser() == null || view == null || view.getPrivateMetadata() == null) {
            return BAD_REQUEST;
        }
        ModalContext meta;
        try {
            meta = GSON.fromJson(view.getPrivateMetadata(), ModalContext.class);
        } catch (RuntimeException e) {
            return BAD_REQUEST;
        }
        if (meta == null || meta.action() == null) {
            return BAD_REQUEST;
        }
        Optional<String> text = Optional.ofNullable(view.getState())
                .map(ViewState::getValues)
                .map(v -> v.get(BlockKit.INPUT_BLOCK))
                .map(b -> b.get(BlockKit.INPUT_ACTION))
                .map(ViewState.Value::getValue)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        SlackRequest request = new SlackRequest(
                SlackRequest.Type.MODAL,
                ws,
                p.getUser().getId(),
                null,
                text.orElse(null),
                null,
                meta.action(),
                meta.channel(),
                meta.ts(),
                false);
        if (impossible(request).isPresent()) {
            return BAD_REQUEST;
        }
        String key = "slack:view:" + ws + ':' + view.getId() + ':' + view.getHash();
        if (!processed.get().firstTime(key, clock.instant())) {
            return ctx.ack();
        }
        queue(request);
        return ctx.ack();
    }

    // ---- events

    private Response directMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        if (!"im".equals(e.getChannelType())
                || e.getBotId() != null
                || e.getUser() == null
                || e.getText() == null
                || e.getThreadTs() != null) {
            return ctx.ack();
        }
        if (e.getChannel() == null) {
            // The answer goes back into the DM the message came from; without it there is nowhere to answer.
            return BAD_REQUEST;
        }
        String ws = workspaceOf(ctx);
        queueEvent(
                eventKey(payload),
                new SlackRequest(
                        SlackRequest.Type.DIRECT_MESSAGE,
                        ws,
                        e.getUser(),
                        e.getChannel(),
                        Mentions.normalize(e.getText()),
                        null,
                        null,
                        null,
                        null,
                        false));
        return ctx.ack();
    }

    private Response memberJoined(EventsApiPayload<MemberJoinedChannelEvent> payload, EventContext ctx) {
        MemberJoinedChannelEvent e = payload.getEvent();
        if (e.getUser() == null || e.getChannel() == null) {
            return BAD_REQUEST;
        }
        String ws = workspaceOf(ctx);
        String inviter = e.getInviter() == null || e.getInviter().equals(e.getUser()) ? null : e.getInviter();
        queueEvent(
                eventKey(payload),
                new SlackRequest(
                        SlackRequest.Type.MEMBER_JOINED,
                        ws,
                        e.getUser(),
                        e.getChannel(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        inviter));
        return ctx.ack();
    }

    private Response memberLeft(EventsApiPayload<MemberLeftChannelEvent> payload, EventContext ctx) {
        MemberLeftChannelEvent e = payload.getEvent();
        if (e.getUser() == null || e.getChannel() == null) {
            return BAD_REQUEST;
        }
        String ws = workspaceOf(ctx);
        queueEvent(
                eventKey(payload),
                new SlackRequest(
                        SlackRequest.Type.MEMBER_LEFT,
                        ws,
                        e.getUser(),
                        e.getChannel(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        false));
        return ctx.ack();
    }

    private Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent e = payload.getEvent();
        if (e.getUser() == null) {
            return BAD_REQUEST;
        }
        if (!"home".equals(e.getTab())) {
            return ctx.ack();
        }
        String ws = workspaceOf(ctx);
        queueEvent(
                eventKey(payload),
                new SlackRequest(
                        SlackRequest.Type.HOME_OPENED, ws, e.getUser(), null, null, null, null, null, null, false));
        return ctx.ack();
    }

    private Response uninstalled(EventsApiPayload<AppUninstalledEvent> payload, EventContext ctx) {
        installations.ifPresent(i -> i.deleteAll(payload.getEnterpriseId(), payload.getTeamId()));
        LOG.info("Slack app uninstalled from {}", payload.getTeamId());
        return ctx.ack();
    }

    private Response tokensRevoked(EventsApiPayload<TokensRevokedEvent> payload, EventContext ctx) {
        TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
        if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            installations.ifPresent(i -> i.deleteAll(payload.getEnterpriseId(), payload.getTeamId()));
            LOG.info("Slack bot token revoked in {}", payload.getTeamId());
        }
        return ctx.ack();
    }

    /**
     * An event that could never be worked on is acknowledged all the same and dropped (logged once): Slack would only
     * send it again after any other answer.
     */
    private void queueEvent(String key, SlackRequest request) {
        if (impossible(request).isEmpty()) {
            queue(key, request);
        }
    }

    /**
     * The event's id, so a redelivered event is queued and worked on once ({@link EventWorkOnce}); a random key for the
     * rare payload without one.
     */
    private static String eventKey(EventsApiPayload<?> payload) {
        return payload.getEventId() != null
                ? EventWorkOnce.key(payload.getEventId())
                : UUID.randomUUID().toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
