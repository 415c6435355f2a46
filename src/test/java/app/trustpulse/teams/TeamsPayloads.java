package app.trustpulse.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Activities as the Bot Connector posts them for Microsoft Teams (shapes taken from real Teams traffic). */
final class TeamsPayloads {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String TEAM = "19:design-team@thread.tacv2";
    static final String BOT = "28:test-app-id";
    static final String BOT_NAME = "Trust Pulse";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1_700_000_000_000L);

    private final String serviceUrl;

    TeamsPayloads(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    /** A person's Entra ID object id, made up but stable. */
    static String aadObjectId(String userId) {
        return java.util
                .UUID
                .nameUUIDFromBytes(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    static final String GROUP = "2b1d5f6e-8c1a-4a55-9a43-0c3d1e7f9a21";

    static String nextId() {
        return String.valueOf(IDS.incrementAndGet());
    }

    String botAddedToTeam(String byUser) {
        ObjectNode a = base("conversationUpdate", nextId(), byUser, "Olga Owner", channelConversation(TEAM));
        a.putArray("membersAdded").addObject().put("id", BOT);
        a.set("channelData", teamData("teamMemberAdded"));
        return a.toString();
    }

    String botRemovedFromTeam(String byUser) {
        ObjectNode a = base("conversationUpdate", nextId(), byUser, "Olga Owner", channelConversation(TEAM));
        a.putArray("membersRemoved").addObject().put("id", BOT);
        a.set("channelData", teamData("teamMemberRemoved"));
        return a.toString();
    }

    String memberAdded(String userId) {
        ObjectNode a = base("conversationUpdate", nextId(), "29:olga", "Olga Owner", channelConversation(TEAM));
        // Teams sends only the ids of people who joined
        a.putArray("membersAdded").addObject().put("id", userId).put("aadObjectId", aadObjectId(userId));
        a.set("channelData", teamData("teamMemberAdded"));
        return a.toString();
    }

    String memberRemoved(String userId) {
        ObjectNode a = base("conversationUpdate", nextId(), "29:olga", "Olga Owner", channelConversation(TEAM));
        a.putArray("membersRemoved").addObject().put("id", userId);
        a.set("channelData", teamData("teamMemberRemoved"));
        return a.toString();
    }

    /** Someone who left the team themselves: the activity comes from them. */
    String memberLeftThemselves(String userId) {
        ObjectNode a = base("conversationUpdate", nextId(), userId, "Max Member", channelConversation(TEAM));
        a.putArray("membersRemoved").addObject().put("id", userId);
        a.set("channelData", teamData("teamMemberRemoved"));
        return a.toString();
    }

    String personalInstall(String userId, String name) {
        ObjectNode a = base("installationUpdate", nextId(), userId, name, personalConversation(userId));
        a.put("action", "add");
        a.set(
                "channelData",
                JSON.createObjectNode().set("tenant", JSON.createObjectNode().put("id", TENANT)));
        return a.toString();
    }

    /** "@Trust Pulse <words>" in the team's General channel, with mention entities for the bot and any people. */
    String channelMessage(String id, String userId, String name, String words, Map<String, String> mentionedPeople) {
        ObjectNode a = base("message", id, userId, name, channelConversation(TEAM + ";messageid=" + id));
        StringBuilder text = new StringBuilder("<at>" + BOT_NAME + "</at> " + words);
        ArrayNode entities = a.putArray("entities");
        entities.addObject()
                .put("type", "mention")
                .put("text", "<at>" + BOT_NAME + "</at>")
                .set("mentioned", JSON.createObjectNode().put("id", BOT).put("name", BOT_NAME));
        mentionedPeople.forEach((personId, personName) -> {
            text.append(" <at>").append(personName).append("</at>");
            entities.addObject()
                    .put("type", "mention")
                    .put("text", "<at>" + personName + "</at>")
                    .set(
                            "mentioned",
                            JSON.createObjectNode().put("id", personId).put("name", personName));
        });
        a.put("text", text.toString());
        a.put("textFormat", "plain");
        ObjectNode data = teamData(null);
        data.put("teamsChannelId", TEAM).put("teamsTeamId", TEAM);
        data.set("channel", JSON.createObjectNode().put("id", TEAM));
        a.set("channelData", data);
        return a.toString();
    }

    String personalMessage(String id, String userId, String name, String text) {
        ObjectNode a = base("message", id, userId, name, personalConversation(userId));
        a.put("text", text);
        a.put("textFormat", "plain");
        a.set(
                "channelData",
                JSON.createObjectNode().set("tenant", JSON.createObjectNode().put("id", TENANT)));
        return a.toString();
    }

    /** An Action.Submit on a card the bot sent: Teams posts the inputs merged with the action's data as "value". */
    String cardSubmit(
            String id,
            String userId,
            String name,
            String conversationId,
            String cardActivityId,
            Map<String, String> value) {
        ObjectNode a = base("message", id, userId, name, personalConversation(userId));
        ((ObjectNode) a.get("conversation")).put("id", conversationId);
        a.put("replyToId", cardActivityId);
        a.set("value", JSON.valueToTree(value));
        a.set(
                "channelData",
                JSON.createObjectNode()
                        .put("source", "message")
                        .set("tenant", JSON.createObjectNode().put("id", TENANT)));
        return a.toString();
    }

    private ObjectNode base(String type, String id, String fromId, String fromName, ObjectNode conversation) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", id);
        a.put("timestamp", "2026-11-16T09:30:00.000Z");
        a.put("localTimestamp", "2026-11-16T10:30:00.000+01:00");
        a.put("channelId", "msteams");
        a.put("serviceUrl", serviceUrl);
        a.set(
                "from",
                JSON.createObjectNode()
                        .put("id", fromId)
                        .put("name", fromName)
                        .put("aadObjectId", aadObjectId(fromId)));
        a.set("conversation", conversation);
        a.set("recipient", JSON.createObjectNode().put("id", BOT).put("name", BOT_NAME));
        a.put("locale", "en-US");
        return a;
    }

    private static ObjectNode channelConversation(String id) {
        return JSON.createObjectNode()
                .put("isGroup", true)
                .put("conversationType", "channel")
                .put("tenantId", TENANT)
                .put("id", id);
    }

    private static ObjectNode personalConversation(String userId) {
        return JSON.createObjectNode()
                .put("conversationType", "personal")
                .put("tenantId", TENANT)
                .put("id", "a:chat-" + userId);
    }

    private static ObjectNode teamData(String eventType) {
        ObjectNode data = JSON.createObjectNode();
        data.set(
                "team",
                JSON.createObjectNode().put("id", TEAM).put("name", "Design").put("aadGroupId", GROUP));
        if (eventType != null) {
            data.put("eventType", eventType);
        }
        data.set("tenant", JSON.createObjectNode().put("id", TENANT));
        return data;
    }
}
