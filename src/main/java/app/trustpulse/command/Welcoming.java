package app.trustpulse.command;

import static app.trustpulse.command.RunningCommands.WELCOME_ROUND_KIND;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DeliveryCutShort;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.FanOut;
import app.trustpulse.command.RunningCommands.WelcomeRound;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first message a new member or leader gets: what the bot does, and that answers stay anonymous. A new
 * membership is stored as waiting for its welcome; the welcomes then go out from the durable queue, one round per
 * team on one worker (so a setup of 1,000 people holds no request open and no more than one worker; as many as the
 * platform takes at once go side by side), each claimed with its delivery id, so a crash or a failed send neither
 * loses nor doubles one.
 */
final class Welcoming {

    /** A welcome still goes out this long after joining (the service was down, a platform kept refusing); not later. */
    static final Duration WELCOME_WITHIN = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(Welcoming.class);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final ChatGateways gateways;
    private final Texts texts;
    private final WorkQueue work;
    private final Duration claimTimeout;
    private final Clock clock;

    Welcoming(
            TeamRepository teams,
            MemberRepository members,
            ChatGateways gateways,
            Texts texts,
            WorkQueue work,
            Duration claimTimeout,
            Clock clock) {
        this.teams = teams;
        this.members = members;
        this.gateways = gateways;
        this.texts = texts;
        this.work = work;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    /** Queues the welcomes of everyone in the team whose new membership is stored and who has not had one. */
    public void welcomeNewcomers(Team team) {
        queueRound(team.id());
    }

    /** On start: queues a round for every team with welcomes left over (the instance died before or during one). */
    public void resumeAll() {
        members.teamsAwaitingWelcomes(clock.instant().minus(WELCOME_WITHIN)).forEach(this::queueRound);
    }

    private void queueRound(long teamId) {
        work.enqueue(WELCOME_ROUND_KIND, teamId + ":" + UUID.randomUUID(), "");
    }

    /**
     * Sends every welcome the team's newcomers are waiting for, as many side by side as the platform takes; safe to
     * run again, and beside another round.
     */
    public WelcomeRound sendWelcomes(long teamId) {
        Optional<Team> found = teams.find(teamId);
        if (found.isEmpty()) {
            return new WelcomeRound(0, 0);
        }
        Team team = found.get();
        Instant since = clock.instant().minus(WELCOME_WITHIN);
        List<Boolean> sent = FanOut.map(
                members.awaitingWelcome(teamId, since),
                gateways.of(team.platform()).parallelSends(),
                userId -> welcome(team, userId));
        return new WelcomeRound(
                (int) sent.stream().filter(Boolean::booleanValue).count(),
                members.awaitingWelcome(teamId, since).size());
    }

    /** Sends one newcomer's welcome if it is theirs to send now; true when it went out. */
    private boolean welcome(Team team, String userId) {
        long teamId = team.id();
        Optional<Member> member = members.find(teamId, userId);
        Instant now = clock.instant();
        Optional<DeliveryClaim> claim = member.isEmpty()
                ? Optional.empty()
                : members.claimWelcome(teamId, userId, now, now.minus(claimTimeout));
        if (claim.isEmpty()) {
            return false;
        }
        try {
            gateways.of(team.platform())
                    .sendDirect(
                            new DirectAddress(team.platform(), team.workspaceId(), userId),
                            message(team, member.get()),
                            new Delivery(claim.get().deliveryId(), claim.get().triedBefore()));
            members.markWelcomed(teamId, userId);
            return true;
        } catch (ChatDeliveryException e) {
            if (!(e instanceof DeliveryCutShort)) {
                members.releaseWelcome(teamId, userId);
            }
            LOG.warn("welcome for a member of team {} not delivered, tried again later", teamId, e);
            return false;
        }
    }

    private ChatMessage message(Team team, Member member) {
        Language lang = team.language();
        String first = texts.get(
                lang,
                member.isLeader() ? "welcome.leader" : "welcome.member",
                TextFormats.days(lang, team.schedule().checkInDays()),
                TextFormats.time(team.schedule().checkInTime()),
                TextFormats.day(lang, team.schedule().summaryDay()));
        return new ChatMessage(
                first,
                List.of(
                        new Block.Text(first),
                        new Block.Context(texts.get(lang, "welcome.privacy", team.threshold()))));
    }
}
