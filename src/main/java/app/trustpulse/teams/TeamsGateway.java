package app.trustpulse.teams;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Platform;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.PagedMembersResult;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the bot reaches people in Teams: messages go to the service URL of the stored conversation, a person who
 * never talked to the bot gets a 1:1 chat created first, and every call is paced and retried by {@link Retrying}.
 */
class TeamsGateway implements ChatGateway {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TeamsGateway.class);

    private final ConversationStore store;
    private final Connector connector;
    private final Retrying retrying;
    private final CardRenderer renderer;
    private final int parallelSends;

    TeamsGateway(
            ConversationStore store, Connector connector, Retrying retrying, CardRenderer renderer, int parallelSends) {
        this.store = store;
        this.connector = connector;
        this.retrying = retrying;
        this.renderer = renderer;
        this.parallelSends = parallelSends;
    }

    @Override
    public int parallelSends() {
        return parallelSends;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
        ConversationStore.Stored chat = personalChat(to.workspaceId(), to.userId());
        return send(chat, message);
    }

    @Override
    public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
        ConversationStore.Stored channel = store.channel(to.workspaceId(), to.channelId())
                .orElseThrow(() ->
                        new ChatDeliveryException("the Teams bot is not installed for channel " + to.channelId()));
        return send(channel, message);
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        String serviceUrl = store.serviceUrlOf(ref.workspaceId(), ref.conversationId())
                .orElseThrow(() -> new ChatDeliveryException("unknown Teams conversation " + ref.conversationId()));
        Activity activity = renderer.render(message);
        activity.setId(ref.messageId());
        retrying.callUpdate(
                "update",
                ref.workspaceId(),
                ref.conversationId(),
                () -> connector.update(serviceUrl, ref.conversationId(), ref.messageId(), activity));
    }

    /** A reply under a channel post: Teams shows it in the post's thread. */
    @Override
    public MessageRef replyInThread(MessageRef parent, ChatMessage message) {
        String serviceUrl = store.serviceUrlOf(parent.workspaceId(), parent.conversationId())
                .orElseThrow(() -> new ChatDeliveryException("unknown Teams conversation " + parent.conversationId()));
        return post(
                parent.workspaceId(),
                serviceUrl,
                parent.conversationId(),
                parent.messageId(),
                renderer.render(message));
    }

    @Override
    public String channelName(ChannelAddress channel) {
        return store.teamNameOf(channel.workspaceId(), channel.channelId())
                .filter(n -> !n.isBlank())
                .orElse(channel.channelId());
    }

    @Override
    public List<ChatUser> channelMembers(ChannelAddress channel) {
        ConversationStore.Stored stored = store.channel(channel.workspaceId(), channel.channelId())
                .orElseThrow(() ->
                        new ChatDeliveryException("the Teams bot is not installed for channel " + channel.channelId()));
        return roster(stored.tenantId(), stored.serviceUrl(), stored.teamOrUserId());
    }

    /** A person's name from the roster of the channel's team; a command names people by id only. */
    @Override
    public Optional<String> personName(ChannelAddress channel, String userId) {
        return store.channel(channel.workspaceId(), channel.channelId())
                .map(c -> memberName(c.tenantId(), c.serviceUrl(), c.teamOrUserId(), userId))
                .filter(name -> !name.equals(userId));
    }

    /** Every member of a team or group chat, page by page. */
    List<ChatUser> roster(String tenantId, String serviceUrl, String teamId) {
        List<ChatUser> members = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        String continuation = null;
        do {
            String token = continuation;
            PagedMembersResult page = retrying.callIdempotent(
                    "roster", tenantId, teamId, () -> RosterPages.page(connector.at(serviceUrl), teamId, token));
            if (page.getMembers() != null) {
                for (ChannelAccount member : page.getMembers()) {
                    store.rememberIdentity(tenantId, member.getAadObjectId(), member.getId());
                    members.add(new ChatUser(member.getId(), member.getName(), Optional.empty()));
                }
            }
            continuation = page.getContinuationToken();
        } while (continuation != null && !continuation.isBlank() && seenTokens.add(continuation));
        return members;
    }

    /** A person's display name from the team's roster (join events carry only ids); the id when Teams has none. */
    String memberName(String tenantId, String serviceUrl, String teamId, String userId) {
        try {
            ChannelAccount member = retrying.callIdempotent(
                    "member",
                    tenantId,
                    teamId,
                    () -> connector.at(serviceUrl).getConversations().getConversationMember(userId, teamId));
            return member == null
                            || member.getName() == null
                            || member.getName().isBlank()
                    ? userId
                    : member.getName();
        } catch (ChatDeliveryException e) {
            // The exception says all there is to say: which call, which status, how many tries.
            LOG.warn(
                    "Teams: the name of a member who joined a team could not be read ({}); their id stands in for it",
                    e.getMessage());
            return userId;
        }
    }

    /** Sends into a known conversation (a reply to a person's message goes here too). */
    MessageRef send(ConversationStore.Stored conversation, ChatMessage message) {
        return post(
                conversation.tenantId(),
                conversation.serviceUrl(),
                conversation.conversationId(),
                null,
                renderer.render(message));
    }

    /** Replies in the thread of a channel message. */
    void reply(String tenantId, String serviceUrl, String conversationId, String activityId, ChatMessage message) {
        post(tenantId, serviceUrl, conversationId, activityId, renderer.render(message));
    }

    /** The activity Teams gets for a message. */
    Activity render(ChatMessage message) {
        return renderer.render(message);
    }

    /** Posts a rendered message into a conversation, or into the thread of {@code replyToId} when one is given. */
    MessageRef post(String tenantId, String serviceUrl, String conversationId, String replyToId, Activity activity) {
        if (replyToId != null) {
            activity.setReplyToId(replyToId);
        }
        ResourceResponse response = retrying.call(
                replyToId == null ? "send" : "reply",
                tenantId,
                conversationId,
                () -> connector.send(serviceUrl, conversationId, replyToId, activity));
        return new MessageRef(Platform.TEAMS, tenantId, conversationId, response == null ? "" : response.getId());
    }

    private ConversationStore.Stored personalChat(String tenantId, String userId) {
        Optional<ConversationStore.Stored> known = store.user(tenantId, userId);
        if (known.isPresent()) {
            return known.get();
        }
        ConversationStore.Stored any = store.anyOfTenant(tenantId)
                .orElseThrow(() -> new ChatDeliveryException("the Teams bot is not installed in tenant " + tenantId));
        ChannelAccount bot = any.reference().getBot();
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(bot);
        parameters.setMembers(List.of(new ChannelAccount(userId)));
        parameters.setTenantId(tenantId);
        TeamsChannelData channelData = new TeamsChannelData();
        channelData.setTenant(new TenantInfo(tenantId));
        parameters.setChannelData(channelData);
        String serviceUrl = any.serviceUrl();
        ConversationResourceResponse created = retrying.callIdempotent(
                "create chat",
                tenantId,
                "new-chat:" + userId,
                () -> connector.at(serviceUrl).getConversations().createConversation(parameters));
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(
                created.getServiceUrl() == null || created.getServiceUrl().isBlank()
                        ? serviceUrl
                        : created.getServiceUrl());
        reference.setBot(bot);
        reference.setUser(new ChannelAccount(userId));
        ConversationAccount conversation = new ConversationAccount(created.getId());
        conversation.setConversationType("personal");
        conversation.setTenantId(tenantId);
        reference.setConversation(conversation);
        store.saveUser(tenantId, userId, reference);
        return store.user(tenantId, userId).orElseThrow();
    }
}
