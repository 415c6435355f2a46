package app.trustpulse.feedback;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Actions.FeedbackReaction;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.FeedbackThread;
import app.trustpulse.pulse.FeedbackThreadRepository;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anonymous feedback becomes a conversation. A leader answers a released feedback, thanks its writer or says "we're on
 * it": the feedback is quoted in the team's channel (as already released to the leaders, names removed), the leader's
 * words follow under it, and the writer gets them in a DM. The writer may answer back from there, as "the writer",
 * never named, with names removed, until the thread closes: a fixed time after it was opened, or when a leader closes
 * it. Then the way back to the writer is destroyed.
 *
 * <p>What a leader sees never depends on the writer: every answer reads the same whether the writer is still on the
 * team, was reached or read it; nothing tells when the writer opened their DM.
 */
public final class FeedbackConversations {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackConversations.class);

    /** The longest answer or reply, as long as a feedback may be. */
    public static final int MAX_TEXT = 1000;

    /** How far back the leader's list of released feedback reaches. */
    static final int LIST_WEEKS = 8;

    /** Who clicked, as the adapter resolved it. */
    public record Person(Platform platform, String workspaceId, String userId, String displayName) {}

    private final TeamRepository teams;
    private final MemberRepository members;
    private final FeedbackRepository feedback;
    private final FeedbackThreadRepository threads;
    private final Pseudonymizer pseudonyms;
    private final TextScrubber scrubber;
    private final ChatGateways gateways;
    private final Texts texts;
    private final Clock clock;
    private final Duration open;

    FeedbackConversations(
            TeamRepository teams,
            MemberRepository members,
            FeedbackRepository feedback,
            FeedbackThreadRepository threads,
            Pseudonymizer pseudonyms,
            TextScrubber scrubber,
            ChatGateways gateways,
            Texts texts,
            Clock clock,
            Duration open) {
        this.teams = teams;
        this.members = members;
        this.feedback = feedback;
        this.threads = threads;
        this.pseudonyms = pseudonyms;
        this.scrubber = scrubber;
        this.gateways = gateways;
        this.texts = texts;
        this.clock = clock;
        this.open = open;
    }

    /** How many days a thread stays open, for the texts. */
    long days() {
        return open.toDays();
    }

    /** The feedback released to a team's leaders in the last weeks, each with what the leader can do with it. */
    public ChatMessage list(Person leader, long teamId, Language fallback) {
        Optional<Team> found = leaderTeam(leader, teamId);
        if (found.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "conversation.error.leadersOnly"));
        }
        Team team = found.get();
        Language lang = team.language();
        Instant now = clock.instant();
        WeekId week = WeekId.of(now, team.timezone());
        List<Feedback> released = feedback.releasedSince(team.id(), week.minus(LIST_WEEKS));
        String title = texts.get(lang, "conversation.list.title", team.name());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(title));
        if (released.isEmpty()) {
            blocks.add(new Block.Text(texts.get(lang, "conversation.list.none", team.name(), LIST_WEEKS)));
            return new ChatMessage(title, blocks);
        }
        List<String> names = names(team);
        for (Feedback f : released) {
            blocks.add(new Block.Text(texts.get(
                    lang,
                    "conversation.list.item",
                    f.releasedIn().orElseThrow().week(),
                    scrubber.scrub(f.text(), names))));
            Optional<FeedbackThread> thread = threads.find(team.id(), f.id());
            if (thread.isPresent() && !thread.get().openAt(now)) {
                blocks.add(new Block.Context(texts.get(lang, "conversation.list.closed")));
                continue;
            }
            thread.ifPresent(
                    t -> blocks.add(new Block.Context(texts.get(lang, "conversation.list.open", until(team, t)))));
            blocks.add(leaderButtons(team, f.id(), thread.isPresent()));
        }
        blocks.add(new Block.Context(texts.get(lang, "conversation.list.privacy", days())));
        return new ChatMessage(title, blocks);
    }

    /** A leader's answer, posted under the feedback and sent to its writer. */
    public ChatMessage answer(Person leader, long teamId, long feedbackId, String text, Language fallback) {
        Optional<Team> found = leaderTeam(leader, teamId);
        if (found.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "conversation.error.leadersOnly"));
        }
        Team team = found.get();
        Optional<String> problem = checkText(team.language(), text);
        if (problem.isPresent()) {
            return ChatMessage.text(problem.get());
        }
        String words = text.strip();
        return speak(
                team,
                feedbackId,
                texts.get(team.language(), "conversation.reply.leader", leader.displayName(), words),
                quote -> texts.get(
                        team.language(),
                        "conversation.writer.answered",
                        leader.displayName(),
                        team.name(),
                        quote,
                        words),
                "conversation.answered");
    }

    /** A leader's reaction without words: "thank you" or "we're on it". */
    public ChatMessage react(
            Person leader, long teamId, long feedbackId, FeedbackReaction reaction, Language fallback) {
        Optional<Team> found = leaderTeam(leader, teamId);
        if (found.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "conversation.error.leadersOnly"));
        }
        Team team = found.get();
        Language lang = team.language();
        String kind = reaction == FeedbackReaction.THANKS ? "thanks" : "onIt";
        return speak(
                team,
                feedbackId,
                texts.get(lang, "conversation.reply." + kind, leader.displayName()),
                quote -> texts.get(lang, "conversation.writer." + kind, leader.displayName(), team.name(), quote),
                "conversation.reacted");
    }

    /** A leader closes the conversation: the writer is told, then the way back to them is destroyed. */
    public ChatMessage close(Person leader, long teamId, long feedbackId, Language fallback) {
        Optional<Team> found = leaderTeam(leader, teamId);
        if (found.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "conversation.error.leadersOnly"));
        }
        Team team = found.get();
        Language lang = team.language();
        Optional<FeedbackThread> thread = threads.find(team.id(), feedbackId);
        if (thread.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "conversation.error.notOpened"));
        }
        if (!thread.get().openAt(clock.instant())) {
            threads.close(thread.get().id());
            return ChatMessage.text(texts.get(lang, "conversation.error.closed"));
        }
        Optional<MessageRef> post = thread.get().postRef().map(MessageRef::decode);
        post.ifPresent(p -> tryReply(
                team, thread.get().id(), p, texts.get(lang, "conversation.reply.closed", leader.displayName())));
        threads.writer(thread.get())
                .ifPresent(writer -> tellWriter(
                        team, writer, ChatMessage.text(texts.get(lang, "conversation.writer.closed", team.name()))));
        threads.close(thread.get().id());
        return ChatMessage.text(texts.get(lang, "conversation.closedDone"));
    }

    /** The writer answers back, anonymously: scrubbed, posted as "the writer", and shown to the team's leaders. */
    public ChatMessage reply(Person writer, long teamId, long feedbackId, String text, Language fallback) {
        Optional<Team> found = teams.find(teamId)
                .filter(t ->
                        t.platform() == writer.platform() && t.workspaceId().equals(writer.workspaceId()));
        if (found.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "conversation.error.notYours"));
        }
        Team team = found.get();
        Language lang = team.language();
        Optional<FeedbackThread> thread = threads.find(team.id(), feedbackId);
        if (thread.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "conversation.error.notYours"));
        }
        if (!thread.get().openAt(clock.instant())) {
            threads.close(thread.get().id());
            return ChatMessage.text(texts.get(lang, "conversation.error.closed"));
        }
        if (!threads.writer(thread.get()).filter(writer.userId()::equals).isPresent()) {
            return ChatMessage.text(texts.get(lang, "conversation.error.notYours"));
        }
        Optional<String> problem = checkText(lang, text);
        if (problem.isPresent()) {
            return ChatMessage.text(problem.get());
        }
        Optional<MessageRef> post = thread.get().postRef().map(MessageRef::decode);
        if (post.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "conversation.error.busy"));
        }
        String scrubbed = scrubber.scrub(text.strip(), names(team));
        if (!tryReply(team, thread.get().id(), post.get(), texts.get(lang, "conversation.reply.writer", scrubbed))) {
            return ChatMessage.text(texts.get(lang, "conversation.error.channel"));
        }
        ChatMessage toLeaders = new ChatMessage(
                texts.get(lang, "conversation.leader.writerReplied", team.name(), scrubbed),
                List.of(
                        new Block.Text(texts.get(lang, "conversation.leader.writerReplied", team.name(), scrubbed)),
                        leaderButtons(team, feedbackId, true)));
        ChatGateway gateway = gateways.of(team.platform());
        for (Member m : members.ofTeam(team.id())) {
            if (m.isLeader() && !m.optedOut()) {
                try {
                    gateway.sendDirect(new DirectAddress(team.platform(), team.workspaceId(), m.userId()), toLeaders);
                } catch (ChatDeliveryException e) {
                    // Not the platform's message: it may quote what was sent.
                    LOG.warn("Feedback thread: a leader could not be told of a reply");
                }
            }
        }
        return ChatMessage.text(texts.get(lang, "conversation.writer.sent", until(team, thread.get())));
    }

    /**
     * Posts a leader's words under the feedback (opening the thread with the quote first) and sends them to the
     * writer; {@code toWriter} words it around the quoted feedback.
     */
    private ChatMessage speak(
            Team team,
            long feedbackId,
            String inChannel,
            java.util.function.UnaryOperator<String> toWriter,
            String doneKey) {
        Language lang = team.language();
        Optional<Feedback> given =
                feedback.find(team.id(), feedbackId).filter(f -> f.releasedIn().isPresent());
        if (given.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "conversation.error.unknown"));
        }
        Instant now = clock.instant();
        String quote = scrubber.scrub(given.get().text(), names(team));
        Optional<FeedbackThread> thread = threads.find(team.id(), feedbackId);
        if (thread.isPresent() && !thread.get().openAt(now)) {
            threads.close(thread.get().id());
            return ChatMessage.text(texts.get(lang, "conversation.error.closed"));
        }
        if (thread.isEmpty()) {
            Optional<FeedbackThread> opened = threads.open(
                    team.id(),
                    feedbackId,
                    now.plus(open),
                    writerOf(team, given.get()).orElse(""));
            if (opened.isEmpty()) {
                return ChatMessage.text(texts.get(lang, "conversation.error.busy"));
            }
            thread = opened;
            ChatMessage quoted = new ChatMessage(
                    texts.get(
                            lang,
                            "conversation.post",
                            given.get().releasedIn().orElseThrow().week(),
                            quote),
                    List.of(
                            new Block.Text(texts.get(
                                    lang,
                                    "conversation.post",
                                    given.get().releasedIn().orElseThrow().week(),
                                    quote)),
                            new Block.Context(texts.get(lang, "conversation.post.note", until(team, opened.get())))));
            try {
                MessageRef ref = gateways.of(team.platform()).postToChannel(ChannelAddress.of(team), quoted);
                threads.posted(opened.get().id(), ref.encode());
                thread = Optional.of(new FeedbackThread(
                        opened.get().id(),
                        team.id(),
                        feedbackId,
                        Optional.of(ref.encode()),
                        opened.get().closesAt(),
                        false));
            } catch (ChatDeliveryException e) {
                // Not the platform's message: it may quote the feedback.
                LOG.warn("Feedback thread: the quoted feedback could not be posted in the channel");
                threads.abandon(opened.get().id());
                return ChatMessage.text(texts.get(lang, "conversation.error.channel"));
            }
        }
        Optional<MessageRef> post = thread.get().postRef().map(MessageRef::decode);
        if (post.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "conversation.error.busy"));
        }
        if (!tryReply(team, thread.get().id(), post.get(), inChannel)) {
            return ChatMessage.text(texts.get(lang, "conversation.error.channel"));
        }
        FeedbackThread current = thread.get();
        threads.writer(current)
                .ifPresent(writer ->
                        tellWriter(team, writer, writerMessage(team, current, feedbackId, toWriter.apply(quote))));
        String done = texts.get(lang, doneKey, until(team, current));
        return new ChatMessage(done, List.of(new Block.Text(done), leaderButtons(team, feedbackId, true)));
    }

    private ChatMessage writerMessage(Team team, FeedbackThread thread, long feedbackId, String text) {
        Language lang = team.language();
        return new ChatMessage(
                text,
                List.of(
                        new Block.Text(text),
                        new Block.Buttons(List.of(Button.withInput(
                                texts.get(lang, "conversation.writer.reply"),
                                Actions.replyAsWriter(team.id(), feedbackId),
                                new Button.InputRequest(
                                        texts.get(lang, "conversation.writer.reply.title"),
                                        texts.get(lang, "conversation.writer.reply.label"),
                                        texts.get(lang, "conversation.writer.reply.submit"),
                                        MAX_TEXT)))),
                        new Block.Context(texts.get(lang, "conversation.writer.note", until(team, thread), days()))));
    }

    private Block leaderButtons(Team team, long feedbackId, boolean opened) {
        Language lang = team.language();
        List<Button> buttons = new ArrayList<>();
        buttons.add(Button.withInput(
                texts.get(lang, "conversation.answer"),
                Actions.answerFeedback(team.id(), feedbackId),
                new Button.InputRequest(
                        texts.get(lang, "conversation.answer.title"),
                        texts.get(lang, "conversation.answer.label"),
                        texts.get(lang, "conversation.answer.submit"),
                        MAX_TEXT)));
        buttons.add(Button.of(
                texts.get(lang, "conversation.thanks"),
                Actions.reactToFeedback(team.id(), feedbackId, FeedbackReaction.THANKS)));
        buttons.add(Button.of(
                texts.get(lang, "conversation.onIt"),
                Actions.reactToFeedback(team.id(), feedbackId, FeedbackReaction.ON_IT)));
        if (opened) {
            buttons.add(Button.danger(
                    texts.get(lang, "conversation.close"), Actions.closeFeedbackThread(team.id(), feedbackId)));
        }
        return new Block.Buttons(buttons);
    }

    /** The writer's platform id: the team's person whose one-way giver token is the feedback's. */
    private Optional<String> writerOf(Team team, Feedback given) {
        return members.ofTeam(team.id()).stream()
                .map(Member::userId)
                .filter(id ->
                        pseudonyms.feedbackGiver(team.id(), team.platform(), id).equals(given.pseudonym()))
                .findFirst();
    }

    /** Sends to the writer; a failure is logged without a person or a reason and never told to the leader. */
    private void tellWriter(Team team, String writer, ChatMessage message) {
        try {
            gateways.of(team.platform())
                    .sendDirect(new DirectAddress(team.platform(), team.workspaceId(), writer), message);
        } catch (ChatDeliveryException e) {
            // The platform's message may name the person or their DM: not logged, so no log line ties them to a thread.
            LOG.warn("Feedback thread: a message to the writer could not be delivered");
        }
    }

    /** Posts a line in the thread and keeps it, so the leaders' page shows the conversation as the channel does. */
    private boolean tryReply(Team team, long threadId, MessageRef post, String text) {
        try {
            gateways.of(team.platform()).replyInThread(post, ChatMessage.text(text));
            threads.keepReply(threadId, text);
            return true;
        } catch (ChatDeliveryException e) {
            // Not the platform's message: it may quote the reply.
            LOG.warn("Feedback thread: a reply could not be posted in the channel");
            return false;
        }
    }

    private Optional<String> checkText(Language lang, String text) {
        String words = text == null ? "" : text.strip();
        if (words.isEmpty()) {
            return Optional.of(texts.get(lang, "conversation.error.empty"));
        }
        if (words.length() > MAX_TEXT) {
            return Optional.of(texts.get(lang, "conversation.error.tooLong", words.length(), MAX_TEXT));
        }
        return Optional.empty();
    }

    private Optional<Team> leaderTeam(Person leader, long teamId) {
        return teams.find(teamId)
                .filter(t ->
                        t.platform() == leader.platform() && t.workspaceId().equals(leader.workspaceId()))
                .filter(t -> members.find(t.id(), leader.userId())
                        .filter(Member::isLeader)
                        .isPresent());
    }

    private List<String> names(Team team) {
        return members.ofTeam(team.id()).stream().map(Member::displayName).toList();
    }

    private String until(Team team, FeedbackThread thread) {
        return TextFormats.dayAndDate(team.language(), thread.closesAt().atZone(team.timezone()));
    }
}
