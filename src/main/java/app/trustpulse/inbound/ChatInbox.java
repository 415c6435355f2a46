package app.trustpulse.inbound;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.pulse.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Everything a chat platform hands to the bot, already translated into neutral terms. Every method
 * answers with what to show the sender; none throws for bad input (the answer explains it instead).
 */
public interface ChatInbox {

    /** A command; the answer is shown only to the sender (ephemeral where the platform has it). */
    ChatMessage command(CommandRequest request);

    /**
     * The same command once more, after the instance that ran it died before it was done: what it started is finished,
     * nothing is started twice (a send-now is resumed, never sent as a second round).
     */
    default ChatMessage commandAgain(CommandRequest request) {
        return command(request);
    }

    /** Text a person wrote to the bot in a direct message: a typed answer or a command's words. */
    ChatMessage directMessage(Sender sender, String text);

    /**
     * A click. Messages that change (a check-in showing what was recorded) are updated in place through
     * the gateway; the optional answer is a short confirmation or explanation for the sender only.
     */
    Optional<ChatMessage> interaction(Interaction interaction);

    /** The personal overview (Slack App Home): teams, role, pause and opt-out state, latest pulse for leaders. */
    ChatMessage home(Sender sender);

    /**
     * Keeps a team's members in step with its channel, and announces the change there: people who came into the channel
     * (together, as one change) are members from now on. Ignored for channels that are not a team's.
     */
    void membersJoined(ChannelChange change, List<ChatUser> people);

    /** People who left the channel (or were taken out of it) leave its team; a leader stays. */
    void membersLeft(ChannelChange change, List<String> userIds);

    /** One person came into the channel on their own. */
    default void memberJoined(Platform platform, String workspaceId, String channelId, ChatUser user) {
        membersJoined(ChannelChange.once(platform, workspaceId, channelId), List.of(user));
    }

    /** One person left the channel on their own. */
    default void memberLeft(Platform platform, String workspaceId, String channelId, String userId) {
        membersLeft(ChannelChange.once(platform, workspaceId, channelId), List.of(userId));
    }
}
