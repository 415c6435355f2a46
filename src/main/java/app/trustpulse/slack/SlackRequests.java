package app.trustpulse.slack;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.work.WorkHandler;
import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.Methods;
import com.slack.api.model.view.View;
import java.io.IOException;
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

    private final Supplier<ChatInbox> inbox;
    private final SlackPeople people;
    private final SlackOutbox outbox;
    private final SlackCalls calls;
    private final BlockKit blockKit;
    private final SlackTexts texts;
    private final Slack slack;

    SlackRequests(Supplier<ChatInbox> inbox, SlackPeople people, SlackOutbox outbox, SlackCalls calls, BlockKit blockKit,
            SlackTexts texts, Slack slack) {
        this.inbox = inbox;
        this.people = people;
        this.outbox = outbox;
        this.calls = calls;
        this.blockKit = blockKit;
        this.texts = texts;
        this.slack = slack;
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

    @Override
    public void run(String key, String data) {
        SlackRequest r = GSON.fromJson(data, SlackRequest.class);
        switch (r.type()) {
            case COMMAND -> command(r);
            case CLICK -> click(r);
            case MODAL -> modal(r);
            case DIRECT_MESSAGE -> directMessage(r);
            case MEMBER_JOINED -> people.human(r.workspaceId(), r.userId()).ifPresent(user ->
                    inbox.get().memberJoined(Platform.SLACK, r.workspaceId(), r.channelId(), user));
            case MEMBER_LEFT -> inbox.get().memberLeft(Platform.SLACK, r.workspaceId(), r.channelId(), r.userId());
            case HOME_OPENED -> publishHome(people.sender(r.workspaceId(), r.userId()), Optional.empty());
        }
    }

    private void command(SlackRequest r) {
        ChatMessage answer;
        try {
            Sender sender = people.sender(r.workspaceId(), r.userId());
            answer = inbox.get().command(new CommandRequest(sender, Optional.ofNullable(r.channelId()), r.text()));
        } catch (RuntimeException e) {
            LOG.error("/pulse command in {} failed; the user was told it could not be done", r.workspaceId(), e);
            answer = ChatMessage.text(texts.get(Language.EN, "slack.error.generic"));
        }
        ChatMessage reply = answer;
        respond(() -> new Responder(slack, r.responseUrl()).sendToCommand(b -> b.responseType("ephemeral")
                .text(reply.summary()).blocks(blockKit.message(reply))));
    }

    private void click(SlackRequest r) {
        Optional<MessageRef> ref = ref(r);
        Sender sender = people.sender(r.workspaceId(), r.userId());
        Optional<ChatMessage> answer = inbox.get().interaction(new Interaction(sender, r.action(), Optional.empty(), ref));
        if (r.onHome()) {
            publishHome(sender, answer);
        } else if (answer.isPresent() && r.responseUrl() != null) {
            ChatMessage a = answer.get();
            respond(() -> new Responder(slack, r.responseUrl()).sendToAction(b -> b.responseType("ephemeral")
                    .replaceOriginal(false).text(a.summary()).blocks(blockKit.message(a))));
        } else if (answer.isPresent()) {
            ephemeral(r.workspaceId(), ref.map(MessageRef::conversationId), r.userId(), answer.get());
        }
    }

    private void modal(SlackRequest r) {
        Optional<MessageRef> ref = ref(r);
        Sender sender = people.sender(r.workspaceId(), r.userId());
        Optional<ChatMessage> answer = inbox.get().interaction(
                new Interaction(sender, r.action(), Optional.ofNullable(r.text()), ref));
        if (answer.isPresent()) {
            if (ref.isPresent()) {
                ephemeral(r.workspaceId(), Optional.of(r.refChannel()), r.userId(), answer.get());
            } else {
                publishHome(sender, answer);
            }
        }
    }

    private void directMessage(SlackRequest r) {
        Sender sender = people.sender(r.workspaceId(), r.userId());
        ChatMessage answer = inbox.get().directMessage(sender, r.text());
        outbox.post(r.workspaceId(), r.channelId(), answer);
    }

    private static Optional<MessageRef> ref(SlackRequest r) {
        return r.refChannel() == null || r.refTs() == null ? Optional.empty()
                : Optional.of(new MessageRef(Platform.SLACK, r.workspaceId(), r.refChannel(), r.refTs()));
    }

    private void publishHome(Sender sender, Optional<ChatMessage> notice) {
        View home = blockKit.home(notice, inbox.get().home(sender));
        calls.call(sender.workspaceId(), Methods.VIEWS_PUBLISH, null,
                c -> c.viewsPublish(q -> q.userId(sender.userId()).view(home)));
    }

    private void ephemeral(String ws, Optional<String> channel, String userId, ChatMessage message) {
        if (channel.isEmpty()) {
            outbox.postToUser(ws, userId, message);
            return;
        }
        calls.call(ws, Methods.CHAT_POST_EPHEMERAL, channel.get(), c -> c.chatPostEphemeral(q -> q.channel(channel.get())
                .user(userId).text(message.summary()).blocks(blockKit.message(message))));
    }

    private interface Send {
        void run() throws IOException;
    }

    /** A response URL is good for 30 minutes and five answers; an answer that cannot go is logged, not retried. */
    private static void respond(Send send) {
        try {
            send.run();
        } catch (IOException e) {
            LOG.warn("Slack: could not answer through the response URL", e);
        }
    }
}
