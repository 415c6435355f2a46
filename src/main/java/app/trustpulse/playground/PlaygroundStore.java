package app.trustpulse.playground;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The playground's people, channel memberships and messages, in the shared database. */
class PlaygroundStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    PlaygroundStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void addPerson(Person p) {
        jdbc.sql("""
                INSERT INTO playground_person (workspace_id, user_id, display_name, timezone, admin, sort_order)
                SELECT CAST(:ws AS VARCHAR(64)), CAST(:user AS VARCHAR(64)), CAST(:name AS VARCHAR(200)),
                       CAST(:tz AS VARCHAR(64)), CAST(:admin AS BOOLEAN), COALESCE(MAX(sort_order), 0) + 1
                FROM playground_person WHERE workspace_id = :ws""")
                .param("ws", p.workspaceId())
                .param("user", p.userId())
                .param("name", p.displayName())
                .param("tz", p.timezone().map(ZoneId::getId).orElse(null))
                .param("admin", p.admin())
                .update();
    }

    /** Forgets the workspace's people, channel memberships and messages. */
    void clear(String workspaceId) {
        for (String table :
                List.of("playground_message", "playground_channel_member", "playground_person", "playground_week")) {
            jdbc.sql("DELETE FROM " + table + " WHERE workspace_id = :ws")
                    .param("ws", workspaceId)
                    .update();
        }
    }

    List<Person> people(String workspaceId) {
        return jdbc.sql("SELECT * FROM playground_person WHERE workspace_id = :ws ORDER BY sort_order, user_id")
                .param("ws", workspaceId)
                .query(PlaygroundStore::person)
                .list();
    }

    Optional<Person> person(String workspaceId, String userId) {
        return jdbc.sql("SELECT * FROM playground_person WHERE workspace_id = :ws AND user_id = :user")
                .param("ws", workspaceId)
                .param("user", userId)
                .query(PlaygroundStore::person)
                .optional();
    }

    /** True when the person was not in the channel yet. */
    boolean join(String workspaceId, String channelId, String userId) {
        return jdbc.sql("""
                INSERT INTO playground_channel_member (workspace_id, channel_id, user_id)
                SELECT CAST(:ws AS VARCHAR(64)), CAST(:channel AS VARCHAR(64)), CAST(:user AS VARCHAR(64))
                WHERE NOT EXISTS (
                    SELECT 1 FROM playground_channel_member
                    WHERE workspace_id = :ws AND channel_id = :channel AND user_id = :user)""")
                        .param("ws", workspaceId)
                        .param("channel", channelId)
                        .param("user", userId)
                        .update()
                == 1;
    }

    /** True when the person was in the channel. */
    boolean leave(String workspaceId, String channelId, String userId) {
        return jdbc.sql("""
                DELETE FROM playground_channel_member
                WHERE workspace_id = :ws AND channel_id = :channel AND user_id = :user""")
                        .param("ws", workspaceId)
                        .param("channel", channelId)
                        .param("user", userId)
                        .update()
                == 1;
    }

    List<Person> channelMembers(String workspaceId, String channelId) {
        return jdbc.sql("""
                SELECT p.* FROM playground_person p
                JOIN playground_channel_member m ON m.workspace_id = p.workspace_id AND m.user_id = p.user_id
                WHERE p.workspace_id = :ws AND m.channel_id = :channel
                ORDER BY p.sort_order, p.user_id""")
                .param("ws", workspaceId)
                .param("channel", channelId)
                .query(PlaygroundStore::person)
                .list();
    }

    /** The channels of a workspace that anyone has joined, by name. */
    List<String> channels(String workspaceId) {
        return jdbc.sql("""
                SELECT DISTINCT channel_id FROM playground_channel_member
                WHERE workspace_id = :ws ORDER BY channel_id""").param("ws", workspaceId).query(String.class).list();
    }

    long addMessage(
            String workspaceId, String conversationId, String author, Optional<String> ephemeralFor, String content) {
        OffsetDateTime now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO playground_message
                    (workspace_id, conversation_id, author, ephemeral_for, content, created_at, updated_at)
                VALUES (:ws, :conversation, :author, :ephemeralFor, :content, :now, :now)""")
                .param("ws", workspaceId)
                .param("conversation", conversationId)
                .param("author", author)
                .param("ephemeralFor", ephemeralFor.orElse(null))
                .param("content", content)
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Replaces a message's content in place; false when there is no such message in that conversation. */
    boolean replaceContent(String workspaceId, String conversationId, long id, String content) {
        return jdbc.sql("""
                UPDATE playground_message SET content = :content, updated_at = :now
                WHERE id = :id AND workspace_id = :ws AND conversation_id = :conversation""")
                        .param("content", content)
                        .param("now", now())
                        .param("id", id)
                        .param("ws", workspaceId)
                        .param("conversation", conversationId)
                        .update()
                == 1;
    }

    Optional<StoredMessage> message(String workspaceId, long id) {
        return jdbc.sql("SELECT * FROM playground_message WHERE id = :id AND workspace_id = :ws")
                .param("id", id)
                .param("ws", workspaceId)
                .query(PlaygroundStore::message)
                .optional();
    }

    /** The newest messages of a conversation, oldest first. */
    List<StoredMessage> messages(String workspaceId, String conversationId, int limit) {
        List<StoredMessage> newestFirst = jdbc.sql("""
                SELECT * FROM playground_message WHERE workspace_id = :ws AND conversation_id = :conversation
                ORDER BY id DESC LIMIT :limit""")
                .param("ws", workspaceId)
                .param("conversation", conversationId)
                .param("limit", limit)
                .query(PlaygroundStore::message)
                .list();
        List<StoredMessage> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** How many weeks the workspace's calendar runs ahead of today (0 until "Next week" is clicked). */
    int weeksAhead(String workspaceId) {
        return jdbc.sql("SELECT weeks_ahead FROM playground_week WHERE workspace_id = :ws")
                .param("ws", workspaceId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    void weeksAhead(String workspaceId, int weeks) {
        int updated = jdbc.sql("UPDATE playground_week SET weeks_ahead = :weeks WHERE workspace_id = :ws")
                .param("weeks", weeks)
                .param("ws", workspaceId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO playground_week (workspace_id, weeks_ahead) VALUES (:ws, :weeks)")
                    .param("ws", workspaceId)
                    .param("weeks", weeks)
                    .update();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        String tz = rs.getString("timezone");
        return new Person(
                rs.getString("workspace_id"),
                rs.getString("user_id"),
                rs.getString("display_name"),
                Optional.ofNullable(tz).map(ZoneId::of),
                rs.getBoolean("admin"));
    }

    private static StoredMessage message(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(
                rs.getLong("id"),
                rs.getString("workspace_id"),
                rs.getString("conversation_id"),
                rs.getString("author"),
                Optional.ofNullable(rs.getString("ephemeral_for")),
                rs.getString("content"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
