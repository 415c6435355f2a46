package app.trustpulse.playground;

import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the playground page shows: the people and every conversation, newest message last. */
record PlaygroundState(
        String workspace,
        String teamChannel,
        List<PersonView> people,
        List<ConversationView> conversations,
        WeekView week) {

    PlaygroundState(
            String workspace, String teamChannel, List<PersonView> people, List<ConversationView> conversations) {
        this(workspace, teamChannel, people, conversations, null);
    }

    PlaygroundState withWeek(WeekView week) {
        return new PlaygroundState(workspace, teamChannel, people, conversations, week);
    }

    /**
     * The week the playground is in: its ISO name, its number, its Monday, how many weeks after today's it is, and
     * whether "Next week" can move it (not beside a real platform).
     */
    record WeekView(String id, int number, String monday, int weeksAhead, boolean movable) {}

    record PersonView(String userId, String name, boolean admin, String timezone, List<String> channels) {}

    /** {@code kind} is {@code channel} or {@code dm}; {@code with} is the channel id or the person's user id. */
    record ConversationView(String id, String kind, String with, List<MessageView> messages) {}

    /** {@code author} is {@code bot} or a user id; {@code ephemeralFor} is set when only that person sees it. */
    record MessageView(
            long id,
            String author,
            String authorName,
            String ephemeralFor,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            JsonNode content) {}
}
