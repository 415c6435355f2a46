package app.trustpulse.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The teams the bot is installed in, and the conversation references of their channels and of people. */
class ConversationStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ConversationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored conversation: a team channel (with its team) or a person's 1:1 chat (with the person). */
    record Stored(
            String tenantId,
            String conversationId,
            String teamOrUserId,
            String serviceUrl,
            ConversationReference reference) {}

    void saveTeam(String tenantId, String teamId, String teamName, String serviceUrl) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        updateOrInsert(
                () -> jdbc.sql(
                                "UPDATE teams_team SET team_name = ?, service_url = ? WHERE tenant_id = ? AND team_id = ?")
                        .params(teamName, serviceUrl, tenantId, teamId)
                        .update(),
                () -> jdbc.sql(
                                "INSERT INTO teams_team (tenant_id, team_id, team_name, service_url, installed_at) VALUES (?, ?, ?, ?, ?)")
                        .params(tenantId, teamId, teamName, serviceUrl, now)
                        .update());
    }

    /**
     * Updates a row, or inserts it when there is none; an insert that loses the race to another instance's insert
     * updates the row that one made. Not one statement, as H2 and PostgreSQL have no upsert in common.
     */
    private static void updateOrInsert(IntSupplier update, IntSupplier insert) {
        if (update.getAsInt() > 0) {
            return;
        }
        try {
            insert.getAsInt();
        } catch (DuplicateKeyException raced) {
            update.getAsInt();
        }
    }

    boolean teamInstalled(String tenantId, String teamId) {
        return jdbc.sql("SELECT COUNT(*) FROM teams_team WHERE tenant_id = ? AND team_id = ?")
                        .params(tenantId, teamId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Transactional
    void removeTeam(String tenantId, String teamId) {
        jdbc.sql("DELETE FROM teams_channel WHERE tenant_id = ? AND team_id = ?")
                .params(tenantId, teamId)
                .update();
        jdbc.sql("DELETE FROM teams_team WHERE tenant_id = ? AND team_id = ?")
                .params(tenantId, teamId)
                .update();
    }

    void saveChannel(String tenantId, String channelId, String teamId, ConversationReference reference) {
        String json = toJson(reference);
        OffsetDateTime now = OffsetDateTime.now(clock);
        updateOrInsert(
                () -> jdbc.sql("""
                        UPDATE teams_channel SET team_id = ?, service_url = ?, reference_json = ?, updated_at = ?
                        WHERE tenant_id = ? AND channel_id = ?""")
                        .params(teamId, reference.getServiceUrl(), json, now, tenantId, channelId)
                        .update(),
                () -> jdbc.sql("""
                        INSERT INTO teams_channel (tenant_id, channel_id, team_id, service_url,
                            reference_json, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(tenantId, channelId, teamId, reference.getServiceUrl(), json, now)
                        .update());
    }

    Optional<Stored> channel(String tenantId, String channelId) {
        return jdbc.sql("SELECT tenant_id, channel_id, team_id, service_url, reference_json FROM teams_channel"
                        + " WHERE tenant_id = ? AND channel_id = ?")
                .params(tenantId, channelId)
                .query(ConversationStore::stored)
                .optional();
    }

    List<String> channelsOfTeam(String tenantId, String teamId) {
        return jdbc.sql("SELECT channel_id FROM teams_channel WHERE tenant_id = ? AND team_id = ? ORDER BY channel_id")
                .params(tenantId, teamId)
                .query(String.class)
                .list();
    }

    void saveUser(String tenantId, String userId, ConversationReference reference) {
        String json = toJson(reference);
        String conversationId = reference.getConversation().getId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        updateOrInsert(
                () -> jdbc.sql("""
                        UPDATE teams_user SET conversation_id = ?, service_url = ?, reference_json = ?, updated_at = ?
                        WHERE tenant_id = ? AND user_id = ?""")
                        .params(conversationId, reference.getServiceUrl(), json, now, tenantId, userId)
                        .update(),
                () -> jdbc.sql("""
                        INSERT INTO teams_user (tenant_id, user_id, conversation_id, service_url,
                            reference_json, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(tenantId, userId, conversationId, reference.getServiceUrl(), json, now)
                        .update());
    }

    /** Keeps which Bot Framework user an Entra ID object id is, for the dashboard's sign-in with Microsoft. */
    void rememberIdentity(String tenantId, String aadObjectId, String userId) {
        if (aadObjectId == null || aadObjectId.isBlank() || userId == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO teams_identity (tenant_id, aad_object_id, user_id, seen_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(tenantId, aadObjectId.toLowerCase(java.util.Locale.ROOT), userId, OffsetDateTime.now(clock))
                .update();
    }

    Optional<Stored> user(String tenantId, String userId) {
        return jdbc.sql("SELECT tenant_id, conversation_id, user_id, service_url, reference_json FROM teams_user"
                        + " WHERE tenant_id = ? AND user_id = ?")
                .params(tenantId, userId)
                .query(ConversationStore::stored)
                .optional();
    }

    /** The person's chat reference and the link from their Entra ID object id go together. */
    int removeUser(String tenantId, String userId) {
        return jdbc.sql("DELETE FROM teams_user WHERE tenant_id = ? AND user_id = ?")
                        .params(tenantId, userId)
                        .update()
                + jdbc.sql("DELETE FROM teams_identity WHERE tenant_id = ? AND user_id = ?")
                        .params(tenantId, userId)
                        .update();
    }

    /** Any conversation of the tenant: the service URL and the bot's account to start a new chat with. */
    Optional<Stored> anyOfTenant(String tenantId) {
        Optional<Stored> channel = jdbc
                .sql("SELECT tenant_id, channel_id, team_id, service_url, reference_json"
                        + " FROM teams_channel WHERE tenant_id = ? ORDER BY updated_at DESC FETCH FIRST 1 ROWS ONLY")
                .params(tenantId)
                .query(ConversationStore::stored)
                .list()
                .stream()
                .findFirst();
        if (channel.isPresent()) {
            return channel;
        }
        return jdbc
                .sql("SELECT tenant_id, conversation_id, user_id, service_url, reference_json"
                        + " FROM teams_user WHERE tenant_id = ? ORDER BY updated_at DESC FETCH FIRST 1 ROWS ONLY")
                .params(tenantId)
                .query(ConversationStore::stored)
                .list()
                .stream()
                .findFirst();
    }

    /** The service URL of a channel or 1:1 conversation the bot knows. */
    /** The name of the team a channel belongs to, as Teams gave it at installation. */
    Optional<String> teamNameOf(String tenantId, String channelId) {
        return jdbc.sql("""
                SELECT t.team_name FROM teams_channel c
                  JOIN teams_team t ON t.tenant_id = c.tenant_id AND t.team_id = c.team_id
                 WHERE c.tenant_id = ? AND c.channel_id = ?
                """).params(tenantId, channelId).query(String.class).optional();
    }

    Optional<String> serviceUrlOf(String tenantId, String conversationId) {
        Optional<String> channel = jdbc.sql(
                        "SELECT service_url FROM teams_channel WHERE tenant_id = ? AND channel_id = ?")
                .params(tenantId, conversationId)
                .query(String.class)
                .optional();
        if (channel.isPresent()) {
            return channel;
        }
        return jdbc
                .sql("SELECT service_url FROM teams_user WHERE tenant_id = ? AND conversation_id = ?")
                .params(tenantId, conversationId)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), fromJson(rs.getString(5)));
    }

    private static String toJson(ConversationReference reference) {
        try {
            return Serialization.toString(reference);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("conversation reference cannot be written", e);
        }
    }

    private static ConversationReference fromJson(String json) {
        try {
            return Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored conversation reference cannot be read", e);
        }
    }
}
