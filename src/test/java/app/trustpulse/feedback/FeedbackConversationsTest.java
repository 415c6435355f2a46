package app.trustpulse.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackThread;
import app.trustpulse.pulse.FeedbackThreadRepository;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedbackConversationsTest {

    private static final WeekId RELEASED = new WeekId(2026, 47);
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final Team team = new Team(
            1,
            Platform.PLAYGROUND,
            "demo",
            "team",
            "Platform team",
            ZoneId.of("Europe/Amsterdam"),
            Language.EN,
            3,
            TeamSchedule.defaults(),
            false);
    private final List<Member> people = new ArrayList<>(List.of(
            new Member(1, "L1", "Lee", Role.LEADER, Optional.empty(), false, false),
            new Member(1, "U1", "Priya Jansen", Role.MEMBER, Optional.empty(), false, false),
            new Member(1, "U3", "Robin", Role.MEMBER, Optional.empty(), false, false),
            new Member(1, "U4", "Sasha", Role.MEMBER, Optional.empty(), false, false)));
    private final Pseudonymizer pseudonyms = new PulseModule(new byte[32]).pseudonyms();
    private final InMemoryFeedback feedback = new InMemoryFeedback();
    private final Threads threads = new Threads();
    private final Recording gateway = new Recording();
    private final MovableClock clock = new MovableClock(NOW);
    private FeedbackConversations conversations;

    private final FeedbackConversations.Person lee = person("L1", "Lee");
    private final FeedbackConversations.Person robin = person("U3", "Robin");
    private final FeedbackConversations.Person sasha = person("U4", "Sasha");

    @BeforeEach
    void setUp() {
        TeamRepository teams = mock(TeamRepository.class);
        when(teams.find(1)).thenReturn(Optional.of(team));
        when(teams.find(anyLong()))
                .thenAnswer(i -> i.getArgument(0, Long.class) == 1 ? Optional.of(team) : Optional.empty());
        MemberRepository members = mock(MemberRepository.class);
        when(members.ofTeam(1)).thenAnswer(i -> List.copyOf(people));
        when(members.find(anyLong(), anyString()))
                .thenAnswer(i -> people.stream()
                        .filter(m -> m.teamId() == i.getArgument(0, Long.class)
                                && m.userId().equals(i.getArgument(1, String.class)))
                        .findFirst());
        conversations = new FeedbackConversations(
                teams,
                members,
                feedback,
                threads,
                pseudonyms,
                new TextScrubber(),
                new ChatGateways(List.of(gateway)),
                new Texts(),
                clock,
                Duration.ofDays(14));
    }

    private static FeedbackConversations.Person person(String id, String name) {
        return new FeedbackConversations.Person(Platform.PLAYGROUND, "demo", id, name);
    }

    /** Feedback by a person, released with week 47. */
    private long released(String userId, String text) {
        long id = feedback.add(new Feedback(
                0, 1, RELEASED, pseudonyms.feedbackGiver(1, Platform.PLAYGROUND, userId), text, Optional.empty()));
        feedback.markReleased(List.of(id), RELEASED);
        return id;
    }

    @Test
    void aLeadersAnswerQuotesTheFeedbackInTheChannelAnswersUnderItAndReachesTheWriterAlone() {
        long id = released("U3", "Sasha keeps interrupting in planning, please ask everyone.");

        ChatMessage toLeader =
                conversations.answer(lee, 1, id, "Thank you, I will ask each of you in turn.", Language.EN);

        assertThat(gateway.posts).hasSize(1);
        assertThat(text(gateway.posts.get(0).message()))
                .contains("Anonymous feedback, released to the leaders with week 47")
                .contains("… keeps interrupting in planning")
                .doesNotContain("Sasha")
                .contains("until Monday 7 December");
        assertThat(gateway.replies).hasSize(1);
        assertThat(gateway.replies.get(0).parent())
                .isEqualTo(gateway.posts.get(0).ref());
        assertThat(text(gateway.replies.get(0).message()))
                .isEqualTo("*Lee:* Thank you, I will ask each of you in turn.");
        assertThat(gateway.directs).extracting(d -> d.to().userId()).containsExactly("U3");
        ChatMessage toWriter = gateway.directs.get(0).message();
        assertThat(text(toWriter))
                .contains("Lee answered your anonymous feedback")
                .contains("I will ask each of you in turn")
                .contains("until Monday 7 December (14 days");
        assertThat(buttons(toWriter)).singleElement().satisfies(b -> {
            assertThat(b.action()).isEqualTo(Actions.replyAsWriter(1, id));
            assertThat(b.input()).isPresent();
        });
        assertThat(text(toLeader))
                .contains("sent to the writer if they are still on the team")
                .doesNotContain("Robin");
    }

    @Test
    void whatTheLeaderIsToldIsTheSameWhetherOrNotTheWriterIsStillOnTheTeam() {
        long stayed = released("U3", "More focus time.");
        long left = released("U9", "Fewer meetings.");

        String one = text(conversations.answer(lee, 1, stayed, "We will try no-meeting Wednesdays.", Language.EN));
        String other = text(conversations.answer(lee, 1, left, "We will try no-meeting Wednesdays.", Language.EN));

        assertThat(one).isEqualTo(other);
        assertThat(gateway.directs).extracting(d -> d.to().userId()).containsExactly("U3");
        assertThat(threads.sealed)
                .as("a link row for each thread, reachable writer or not")
                .hasSize(2);
    }

    @Test
    void theWritersReplyIsScrubbedPostedAsTheWriterUnderTheFeedbackAndSentToTheLeaders() {
        long id = released("U3", "More focus time.");
        conversations.answer(lee, 1, id, "What would help most?", Language.EN);
        gateway.directs.clear();

        ChatMessage toWriter =
                conversations.reply(robin, 1, id, "Sasha and I would like mornings without meetings.", Language.EN);

        assertThat(gateway.replies).hasSize(2);
        assertThat(gateway.replies.get(1).parent())
                .isEqualTo(gateway.posts.get(0).ref());
        assertThat(text(gateway.replies.get(1).message()))
                .isEqualTo("*The writer:* … and I would like mornings without meetings.");
        assertThat(gateway.directs).extracting(d -> d.to().userId()).containsExactly("L1");
        assertThat(text(gateway.directs.get(0).message()))
                .contains("The writer answered")
                .doesNotContain("Robin")
                .doesNotContain("Sasha");
        assertThat(text(toWriter)).contains("as “the writer”").contains("until Monday 7 December");
        assertThat(threads.replies(threads.find(1, id).orElseThrow().id()))
                .as("kept for the leaders' page, as the channel shows them")
                .containsExactly(
                        text(gateway.replies.get(0).message()),
                        "*The writer:* … and I would like mornings without meetings.");
    }

    @Test
    void someoneElseCannotAnswerInTheWritersThread() {
        long id = released("U3", "More focus time.");
        conversations.answer(lee, 1, id, "What would help most?", Language.EN);

        ChatMessage refused = conversations.reply(sasha, 1, id, "I wrote it!", Language.EN);
        ChatMessage leaderAsWriter = conversations.reply(lee, 1, id, "Pretending to be the writer", Language.EN);

        assertThat(text(refused)).isEqualTo("Only the writer of this feedback can answer here, so nothing was posted.");
        assertThat(text(leaderAsWriter)).isEqualTo(text(refused));
        assertThat(gateway.replies).hasSize(1);
    }

    @Test
    void onlyALeaderOfTheTeamCanAnswerThankOrClose() {
        long id = released("U3", "More focus time.");
        FeedbackConversations.Person priya = person("U1", "Priya");

        assertThat(text(conversations.answer(priya, 1, id, "Hi", Language.EN)))
                .isEqualTo("Only a leader of the team can answer, thank or close its feedback, so nothing was posted.");
        assertThat(text(conversations.react(priya, 1, id, Actions.FeedbackReaction.THANKS, Language.EN)))
                .contains("Only a leader");
        assertThat(text(conversations.close(priya, 1, id, Language.EN))).contains("Only a leader");
        assertThat(text(conversations.list(priya, 1, Language.EN))).contains("Only a leader");
        assertThat(gateway.posts).isEmpty();
        assertThat(gateway.directs).isEmpty();
    }

    @Test
    void anEmptyOrTooLongAnswerIsRefusedSayingWhatFits() {
        long id = released("U3", "More focus time.");

        assertThat(text(conversations.answer(lee, 1, id, "   ", Language.EN)))
                .isEqualTo(
                        "Your answer was empty, so nothing was posted. Write a few words in the box and send it again.");
        assertThat(text(conversations.answer(lee, 1, id, "x".repeat(1001), Language.EN)))
                .isEqualTo("Your answer has 1001 characters; at most 1000 fit. Shorten it and send it again.");
        conversations.answer(lee, 1, id, "Ok", Language.EN);
        assertThat(text(conversations.reply(robin, 1, id, "", Language.EN))).contains("Your answer was empty");
        assertThat(gateway.replies).hasSize(1);
    }

    @Test
    void feedbackThatWasNeverReleasedCannotBeAnswered() {
        long held = feedback.add(new Feedback(
                0, 1, RELEASED, pseudonyms.feedbackGiver(1, Platform.PLAYGROUND, "U3"), "Held", Optional.empty()));

        assertThat(text(conversations.answer(lee, 1, held, "Hi", Language.EN))).contains("can't be found");
        assertThat(gateway.posts).isEmpty();
    }

    @Test
    void reactionsShowUnderTheSameQuoteAndReachTheWriter() {
        long id = released("U3", "More focus time.");

        conversations.react(lee, 1, id, Actions.FeedbackReaction.THANKS, Language.EN);
        conversations.react(lee, 1, id, Actions.FeedbackReaction.ON_IT, Language.EN);

        assertThat(gateway.posts)
                .as("one quote, however often the leader reacts")
                .hasSize(1);
        assertThat(gateway.replies)
                .extracting(r -> text(r.message()))
                .containsExactly("*Lee:* thank you for this feedback.", "*Lee:* we're on it.");
        assertThat(gateway.directs)
                .extracting(d -> text(d.message()))
                .satisfiesExactly(
                        t -> assertThat(t).startsWith("*Lee thanks you* for your anonymous feedback"),
                        t -> assertThat(t).startsWith("*Lee says: we're on it*"));
    }

    @Test
    void afterItsTimeTheThreadIsClosedAndTheWayBackToTheWriterDestroyed() {
        long id = released("U3", "More focus time.");
        conversations.answer(lee, 1, id, "What would help most?", Language.EN);
        assertThat(threads.sealed).hasSize(1);

        clock.move(Duration.ofDays(14));

        assertThat(text(conversations.reply(robin, 1, id, "Late answer", Language.EN)))
                .isEqualTo("This conversation has closed, so nothing was posted. Its writer can still give new feedback"
                        + " with /pulse feedback.");
        assertThat(text(conversations.answer(lee, 1, id, "Anyone?", Language.EN)))
                .contains("has closed");
        assertThat(threads.sealed).isEmpty();
        assertThat(gateway.replies).hasSize(1);
        assertThat(text(conversations.list(lee, 1, Language.EN))).contains("This conversation has closed.");
    }

    @Test
    void aLeaderClosingTheThreadTellsTheWriterThenDestroysTheWayBack() {
        long id = released("U3", "More focus time.");
        conversations.answer(lee, 1, id, "What would help most?", Language.EN);
        gateway.directs.clear();

        assertThat(text(conversations.close(lee, 1, id, Language.EN))).startsWith("The conversation is closed.");

        assertThat(text(gateway.replies.get(1).message())).startsWith("Lee closed this conversation.");
        assertThat(gateway.directs).extracting(d -> d.to().userId()).containsExactly("U3");
        assertThat(threads.sealed).isEmpty();
        assertThat(text(conversations.reply(robin, 1, id, "One more thing", Language.EN)))
                .contains("has closed");
        assertThat(text(conversations.close(lee, 1, id, Language.EN))).contains("has closed");
    }

    @Test
    void theLeadersListShowsReleasedFeedbackWithWhatTheyCanDoAndNeverTheWriter() {
        long open = released("U3", "More focus time.");
        released("U4", "Robin is great.");
        conversations.answer(lee, 1, open, "What would help most?", Language.EN);

        ChatMessage list = conversations.list(lee, 1, Language.EN);

        assertThat(text(list))
                .contains("Anonymous feedback in Platform team")
                .contains("“More focus time.”")
                .contains("“… is great.”")
                .contains("Conversation open until Monday 7 December")
                .contains("never learn who wrote it");
        assertThat(buttons(list))
                .extracting(Button::action)
                .contains(Actions.answerFeedback(1, open), Actions.closeFeedbackThread(1, open));
    }

    private static String text(ChatMessage m) {
        return m.blocks().stream()
                .map(b -> b instanceof Block.Text t
                        ? t.text()
                        : b instanceof Block.Context c ? c.text() : b instanceof Block.Header h ? h.text() : "")
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static List<Button> buttons(ChatMessage m) {
        return m.blocks().stream()
                .filter(Block.Buttons.class::isInstance)
                .flatMap(b -> ((Block.Buttons) b).buttons().stream())
                .toList();
    }

    /** Threads in maps; the way back to the writer in a map of its own, as the database keeps it in a table. */
    static final class Threads implements FeedbackThreadRepository {
        final Map<Long, FeedbackThread> byId = new HashMap<>();
        final Map<Long, String> sealed = new HashMap<>();
        final Map<Long, List<String>> replies = new HashMap<>();
        private long next = 100;

        @Override
        public void keepReply(long threadId, String text) {
            replies.computeIfAbsent(threadId, id -> new ArrayList<>()).add(text);
        }

        @Override
        public List<String> replies(long threadId) {
            return List.copyOf(replies.getOrDefault(threadId, List.of()));
        }

        @Override
        public Optional<FeedbackThread> find(long teamId, long feedbackId) {
            return byId.values().stream()
                    .filter(t -> t.teamId() == teamId && t.feedbackId() == feedbackId)
                    .findFirst();
        }

        @Override
        public Optional<FeedbackThread> open(long teamId, long feedbackId, Instant closesAt, String writerId) {
            if (find(teamId, feedbackId).isPresent()) {
                return Optional.empty();
            }
            FeedbackThread t = new FeedbackThread(next++, teamId, feedbackId, Optional.empty(), closesAt, false);
            byId.put(t.id(), t);
            sealed.put(t.id(), writerId);
            return Optional.of(t);
        }

        @Override
        public void posted(long threadId, String postRef) {
            FeedbackThread t = byId.get(threadId);
            byId.put(
                    threadId,
                    new FeedbackThread(
                            t.id(), t.teamId(), t.feedbackId(), Optional.of(postRef), t.closesAt(), t.closed()));
        }

        @Override
        public void abandon(long threadId) {
            byId.remove(threadId);
            sealed.remove(threadId);
        }

        @Override
        public Optional<String> writer(FeedbackThread thread) {
            return byId.get(thread.id()).closed()
                    ? Optional.empty()
                    : Optional.ofNullable(sealed.get(thread.id())).filter(w -> !w.isEmpty());
        }

        @Override
        public boolean close(long threadId) {
            FeedbackThread t = byId.get(threadId);
            sealed.remove(threadId);
            byId.put(threadId, new FeedbackThread(t.id(), t.teamId(), t.feedbackId(), t.postRef(), t.closesAt(), true));
            return !t.closed();
        }

        @Override
        public int closeExpired(Instant now) {
            List<Long> due = byId.values().stream()
                    .filter(t -> !t.openAt(now) && !t.closed())
                    .map(FeedbackThread::id)
                    .toList();
            due.forEach(this::close);
            return due.size();
        }
    }

    /** The playground platform, remembering what it was asked to deliver. */
    static final class Recording implements ChatGateway {
        record Direct(DirectAddress to, ChatMessage message) {}

        record Post(ChannelAddress to, ChatMessage message, MessageRef ref) {}

        record Reply(MessageRef parent, ChatMessage message) {}

        final List<Direct> directs = new ArrayList<>();
        final List<Post> posts = new ArrayList<>();
        final List<Reply> replies = new ArrayList<>();
        private long ids;

        @Override
        public Platform platform() {
            return Platform.PLAYGROUND;
        }

        @Override
        public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
            directs.add(new Direct(to, message));
            return new MessageRef(Platform.PLAYGROUND, to.workspaceId(), "dm:" + to.userId(), String.valueOf(++ids));
        }

        @Override
        public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
            MessageRef ref =
                    new MessageRef(Platform.PLAYGROUND, to.workspaceId(), to.channelId(), String.valueOf(++ids));
            posts.add(new Post(to, message, ref));
            return ref;
        }

        @Override
        public MessageRef replyInThread(MessageRef parent, ChatMessage message) {
            replies.add(new Reply(parent, message));
            return new MessageRef(
                    Platform.PLAYGROUND, parent.workspaceId(), parent.conversationId(), String.valueOf(++ids));
        }

        @Override
        public void update(MessageRef ref, ChatMessage message) {}

        @Override
        public List<ChatUser> channelMembers(ChannelAddress channel) {
            return List.of();
        }
    }
}
