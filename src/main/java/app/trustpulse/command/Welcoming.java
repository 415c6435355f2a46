package app.trustpulse.command;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first message a new member or leader gets: what the bot does, and that answers stay anonymous. */
public final class Welcoming {

    private static final Logger LOG = LoggerFactory.getLogger(Welcoming.class);

    private final ChatGateways gateways;
    private final Texts texts;

    public Welcoming(ChatGateways gateways, Texts texts) {
        this.gateways = gateways;
        this.texts = texts;
    }

    public void welcome(Team team, Member member) {
        Language lang = team.language();
        String first = texts.get(lang, member.isLeader() ? "welcome.leader" : "welcome.member",
                TextFormats.days(lang, team.schedule().checkInDays()), TextFormats.time(team.schedule().checkInTime()),
                TextFormats.day(lang, team.schedule().summaryDay()));
        ChatMessage message = new ChatMessage(first, List.of(
                new Block.Text(first),
                new Block.Context(texts.get(lang, "welcome.privacy", team.threshold()))));
        try {
            gateways.of(team.platform()).sendDirect(new DirectAddress(team.platform(), team.workspaceId(), member.userId()), message);
        } catch (ChatDeliveryException e) {
            LOG.warn("welcome for a member of team " + team.id() + " not delivered", e);
        }
    }
}
