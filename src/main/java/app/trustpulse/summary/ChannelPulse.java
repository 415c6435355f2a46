package app.trustpulse.summary;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.Delivery;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekStepRepository.Step;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Clock;
import java.util.List;

/** The week's pulse in the team's channel, with a question to reflect on. */
final class ChannelPulse implements WeekStep {

    private final ChatGateways gateways;
    private final PulseMessages messages;
    private final DigestNudges nudges;
    private final PulseRepository pulses;
    private final Clock clock;
    private final PulseMetrics metrics;

    ChannelPulse(
            ChatGateways gateways,
            PulseMessages messages,
            DigestNudges nudges,
            PulseRepository pulses,
            Clock clock,
            PulseMetrics metrics) {
        this.gateways = gateways;
        this.messages = messages;
        this.nudges = nudges;
        this.pulses = pulses;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Step name() {
        return Step.PULSE;
    }

    @Override
    public List<String> recipients(Team team, List<Member> people) {
        return List.of(TEAM);
    }

    @Override
    public void run(Team team, WeeklyPulse pulse, String recipient, Delivery delivery) {
        gateways.of(team.platform())
                .postToChannel(
                        ChannelAddress.of(team),
                        messages.channelPost(team, pulse, nudges.reflectionQuestion(team.language(), pulse)),
                        delivery);
        pulses.markPosted(team.id(), pulse.week(), clock.instant());
        metrics.pulsePosted(team.platform(), (int)
                pulse.dimensions().stream().filter(DimensionScore::withheld).count());
    }
}
