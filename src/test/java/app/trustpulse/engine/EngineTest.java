package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.LeaderItems;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.QueuedWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole engine in one Spring context shared by every test class of this package: an in-memory H2
 * database migrated by Flyway, the real Quartz scheduler on its JDBC store, and a {@link RecordingGateway}
 * as the playground platform. Everything goes in through {@link ChatInbox}, as an adapter would send it.
 * Tests keep out of each other's way by working in a workspace of their own ({@link Ws}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        classes = {Application.class, EngineTestConfig.class})
abstract class EngineTest {

    private static final String DATABASE = "jdbc:h2:mem:engine-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    /** Declared once, here, so every subclass has the same context key and they all share one context. */
    @DynamicPropertySource
    static void engineProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("pulse.playground.enabled", () -> "false");
        // Triggers are stored and read for status, but never fire on their own during a test run:
        // the tests drive the use cases the jobs would call.
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    /** The member names of a standard team; all distinct, none a word that occurs in the bot's texts. */
    static final List<String> NAMES =
            List.of("Alice", "Bruno", "Chidi", "Dorota", "Emeka", "Femke", "Gustavo", "Hiroko");

    @Autowired
    ChatInbox inbox;

    @Autowired
    RecordingGateway gateway;

    @Autowired
    TeamRepository teams;

    @Autowired
    MemberRepository members;

    @Autowired
    AnswerRepository answers;

    @Autowired
    CheckInRepository checkIns;

    @Autowired
    PulseRepository pulses;

    @Autowired
    FeedbackRepository feedback;

    @Autowired
    Texts texts;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Pseudonymizer pseudonymizer;

    /**
     * Whether the person's TRUST statement this week is on felt trust (items 1-3), which the weekly TRUST mean shows;
     * trust in the leader (items 4-6) is pooled over four weeks instead, in each member's own week of the block, dealt
     * from the roster as sending and the close deal it.
     */
    boolean asksFeltTrust(Ws ws, Sender s) {
        Team t = ws.team();
        long key = pseudonymizer.rotationKey(t.id(), t.platform(), s.userId());
        Role role = members.find(t.id(), s.userId()).map(Member::role).orElse(Role.MEMBER);
        int poolWeek = TrustInLeaderPool.poolWeeksOf(t, members.ofTeam(t.id()), pseudonymizer)
                .getOrDefault(s.userId(), 0);
        return CheckInPlanner.itemOf(role, Dimension.TRUST, key, poolWeek, ws.week())
                < LeaderItems.FIRST_TRUST_IN_LEADER_ITEM;
    }

    /** A message key rendered in English, as the bot would say it. */
    String en(String key, Object... args) {
        return texts.get(Language.EN, key, args);
    }

    String nl(String key, Object... args) {
        return texts.get(Language.NL, key, args);
    }

    /** Waits until the durable queue has done what is due, e.g. the welcomes a command queued. */
    <T> T settled(T result) {
        settle();
        return result;
    }

    void settle() {
        QueuedWork.awaitDone(jdbc);
    }

    /** A workspace of its own with one channel: an admin, members U1..Un and a leader UL. */
    final class Ws {
        final String id = "W-" + UUID.randomUUID();
        final String channel = "C-" + UUID.randomUUID().toString().substring(0, 8);
        final Sender admin = new Sender(Platform.PLAYGROUND, id, "UA", "Ada", true);
        final Sender leader = new Sender(Platform.PLAYGROUND, id, "UL", "Lena", false);
        final List<Sender> members = new ArrayList<>();

        /** Puts the members (and the leader, if wanted) in the channel's roster. */
        Ws withChannelMembers(int count, boolean leaderInChannel) {
            List<ChatUser> roster = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                Sender s = new Sender(Platform.PLAYGROUND, id, "U" + i, NAMES.get(i - 1), false);
                members.add(s);
                roster.add(new ChatUser(s.userId(), s.displayName(), Optional.empty()));
            }
            if (leaderInChannel) {
                roster.add(new ChatUser(leader.userId(), leader.displayName(), Optional.empty()));
            }
            gateway.roster(id, channel, roster);
            return this;
        }

        /** A team for the channel, set up by the admin with UL as leader; the welcome messages are forgotten. */
        Ws setUp(int count) {
            withChannelMembers(count, true);
            command(admin, "setup <@UL>");
            assertThat(maybeTeam()).as("team of %s", channel).isPresent();
            clear();
            return this;
        }

        Sender member(int i) {
            return members.get(i - 1);
        }

        Sender outsider(String userId) {
            return new Sender(Platform.PLAYGROUND, id, userId, "Olaf", false);
        }

        /** A command typed in the team's channel; what it queued (welcomes) is done when this returns. */
        ChatMessage command(Sender s, String text) {
            return settled(inbox.command(new CommandRequest(s, Optional.of(channel), text)));
        }

        /** A command typed with /pulse in the direct message with the bot (no channel). */
        ChatMessage commandInDm(Sender s, String text) {
            return settled(inbox.command(new CommandRequest(s, Optional.empty(), text)));
        }

        ChatMessage dm(Sender s, String text) {
            return settled(inbox.directMessage(s, text));
        }

        Optional<ChatMessage> click(Sender s, String action) {
            return inbox.interaction(new Interaction(s, action, Optional.empty(), Optional.empty()));
        }

        Optional<ChatMessage> click(Sender s, String action, MessageRef on) {
            return inbox.interaction(new Interaction(s, action, Optional.empty(), Optional.of(on)));
        }

        Team team() {
            return teams.findByChannel(Platform.PLAYGROUND, id, channel).orElseThrow();
        }

        Optional<Team> maybeTeam() {
            return teams.findByChannel(Platform.PLAYGROUND, id, channel);
        }

        Optional<Member> membership(Sender s) {
            return members(team().id()).stream()
                    .filter(m -> m.userId().equals(s.userId()))
                    .findFirst();
        }

        List<Member> members(long teamId) {
            return EngineTest.this.members.ofTeam(teamId);
        }

        WeekId week() {
            return WeekId.of(clock.instant(), team().timezone());
        }

        /** The day and date of the team's next week close, as the chat texts name it. */
        String closes(app.trustpulse.pulse.Language lang) {
            return app.trustpulse.pulse.TextFormats.dayAndDate(
                    lang, team().schedule().nextClose(clock.instant(), team().timezone()));
        }

        List<RecordingGateway.Direct> directsTo(Sender s) {
            return gateway.directsTo(id, s.userId());
        }

        /** The check-ins a person got: direct messages with statements to rate. */
        List<RecordingGateway.Direct> checkInsTo(Sender s) {
            return directsTo(s).stream()
                    .filter(d -> !scales(d.message()).isEmpty())
                    .toList();
        }

        /** The leader's weekly digests of this week (a quarterly review may come with one; it is not a digest). */
        List<ChatMessage> digests() {
            String header = en("digest.header", channel, week().week());
            return directsTo(leader).stream()
                    .map(RecordingGateway.Direct::message)
                    .filter(m -> m.summary().equals(header))
                    .toList();
        }

        ChatMessage digest() {
            assertThat(digests()).as("one digest").hasSize(1);
            return digests().get(0);
        }

        List<RecordingGateway.Direct> directs() {
            return gateway.directs(id);
        }

        List<RecordingGateway.Post> posts() {
            return gateway.posts(id);
        }

        List<RecordingGateway.Update> updates() {
            return gateway.updates(id);
        }

        void clear() {
            gateway.clear(id);
        }

        /** Everyone in the team who takes part: the members and the leader. */
        List<Sender> everyone() {
            List<Sender> all = new ArrayList<>(members);
            all.add(leader);
            return all;
        }
    }

    static List<Block.Scale> scales(ChatMessage m) {
        return m.blocks().stream()
                .filter(Block.Scale.class::isInstance)
                .map(Block.Scale.class::cast)
                .toList();
    }

    static List<Button> buttons(ChatMessage m) {
        return m.blocks().stream()
                .filter(Block.Buttons.class::isInstance)
                .map(Block.Buttons.class::cast)
                .flatMap(b -> b.buttons().stream())
                .toList();
    }

    static Optional<Block.ScoreTable> scoreTable(ChatMessage m) {
        return m.blocks().stream()
                .filter(Block.ScoreTable.class::isInstance)
                .map(Block.ScoreTable.class::cast)
                .findFirst();
    }

    /** The check-in id on a check-in message, read from its scales' actions ("answer:<id>:<DIM>:"). */
    static long checkInId(ChatMessage m) {
        return Long.parseLong(scales(m).get(0).actionPrefix().split(":")[1]);
    }

    /** Everything a person could read in a message, in one string: summary, blocks, labels, score rows. */
    static String text(ChatMessage m) {
        List<String> parts = new ArrayList<>();
        parts.add(m.summary());
        for (Block b : m.blocks()) {
            if (b instanceof Block.Header h) {
                parts.add(h.text());
            } else if (b instanceof Block.Text t) {
                parts.add(t.text());
            } else if (b instanceof Block.Context c) {
                parts.add(c.text());
            } else if (b instanceof Block.Scale s) {
                parts.add(s.statement() + " ["
                        + s.choices().stream().map(Block.Choice::label).collect(Collectors.joining(" | ")) + "]"
                        + s.selected().map(v -> " selected " + v).orElse(""));
            } else if (b instanceof Block.Buttons bs) {
                parts.add(bs.buttons().stream().map(Button::label).collect(Collectors.joining(" | ")));
            } else if (b instanceof Block.ScoreTable t) {
                for (Block.ScoreRow r : t.rows()) {
                    parts.add(String.join(" ", r.label(), r.score(), r.change(), r.trend(), r.answers()));
                }
            }
        }
        return String.join("\n", parts);
    }

    /** The texts of a message's blocks (headers, texts, contexts), in order. */
    static List<String> lines(ChatMessage m) {
        List<String> out = new ArrayList<>();
        for (Block b : m.blocks()) {
            if (b instanceof Block.Header h) {
                out.add(h.text());
            } else if (b instanceof Block.Text t) {
                out.add(t.text());
            } else if (b instanceof Block.Context c) {
                out.add(c.text());
            }
        }
        return out;
    }
}
