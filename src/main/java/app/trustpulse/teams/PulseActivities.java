package app.trustpulse.teams;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.inbound.ChannelChange;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot does with each authenticated activity: installs and removals, roster changes, commands in a
 * channel or the 1:1 chat, typed answers and card submits. Each activity is handled once, whatever Teams resends.
 */
class PulseActivities {

    private static final Logger LOG = LoggerFactory.getLogger(PulseActivities.class);

    private final ChatInbox inbox;
    private final ConversationStore store;
    private final TeamsGateway gateway;
    private final TeamsOutbox outbox;
    private final TeamOwners owners;
    private final ProcessedEvents processed;
    private final Texts texts;
    private final Clock clock;
    private final ThreadLocal<Boolean> again = ThreadLocal.withInitial(() -> false);
    private final ThreadLocal<String> requestKey = new ThreadLocal<>();

    PulseActivities(
            ChatInbox inbox,
            ConversationStore store,
            TeamsGateway gateway,
            TeamsOutbox outbox,
            TeamOwners owners,
            ProcessedEvents processed,
            Texts texts,
            Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.gateway = gateway;
        this.outbox = outbox;
        this.owners = owners;
        this.processed = processed;
        this.texts = texts;
        this.clock = clock;
    }

    /** Whether the activity is new; Teams resends one it did not see answered, with the same id. */
    boolean firstTime(Activity activity) {
        if (activity.getId() != null && !processed.firstTime("teams:activity:" + activity.getId(), clock.instant())) {
            LOG.debug("Teams activity {} was handled before", activity.getId());
            return false;
        }
        return true;
    }

    /**
     * Handles an activity taken from the durable queue under its key; {@code again} when an earlier run was cut short
     * by a crash, so a command it carried finishes what it started instead of starting it twice. The answers are
     * queued under a delivery id derived from the key, so a second run queues the same answers, not new ones.
     */
    void handle(String key, Activity activity, boolean again) {
        String tenantId = tenantOf(activity);
        if (tenantId == null || activity.getServiceUrl() == null) {
            LOG.info("Teams activity of type {} without tenant or service URL ignored", activity.getType());
            return;
        }
        Context context = new Context(key, activity, tenantId, channelData(activity));
        this.again.set(again);
        // Teams resends an activity with its id, and the durable queue runs it again with it: one request, one id.
        this.requestKey.set(
                activity.getId() == null
                        ? null
                        : "teams-" + UUID.nameUUIDFromBytes(activity.getId().getBytes(StandardCharsets.UTF_8)));
        switch (String.valueOf(activity.getType())) {
            case ActivityTypes.CONVERSATION_UPDATE -> conversationUpdate(context);
            case ActivityTypes.INSTALLATION_UPDATE -> installationUpdate(context);
            case ActivityTypes.MESSAGE -> message(context);
            default -> LOG.debug("Teams activity of type {} ignored", activity.getType());
        }
    }

    private ChatMessage command(CommandRequest request) {
        CommandRequest identified = request.withRequestKey(requestKey.get());
        return again.get() ? inbox.commandAgain(identified) : inbox.command(identified);
    }

    /** One activity with what every handler needs from it. */
    private record Context(String key, Activity activity, String tenantId, TeamsChannelData channelData) {

        boolean personal() {
            return "personal".equals(activity.getConversation().getConversationType());
        }

        /** The team, or for a group chat the chat itself; empty in a 1:1 chat. */
        Optional<String> teamId() {
            if (channelData.getTeam() != null && channelData.getTeam().getId() != null) {
                return Optional.of(channelData.getTeam().getId());
            }
            return personal() ? Optional.empty() : Optional.of(baseConversationId());
        }

        String channelId() {
            if (channelData.getChannel() != null && channelData.getChannel().getId() != null) {
                return channelData.getChannel().getId();
            }
            return baseConversationId();
        }

        String baseConversationId() {
            return stripMessageId(activity.getConversation().getId());
        }

        boolean isBot(ChannelAccount account) {
            return account != null
                    && activity.getRecipient() != null
                    && account.getId() != null
                    && account.getId().equals(activity.getRecipient().getId());
        }

        Language language() {
            String locale = activity.getLocale();
            return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("nl")
                    ? Language.NL
                    : Language.EN;
        }
    }

    /**
     * Bot installs and removals, and roster changes. Teams tells who made a change ({@code from}): people added or
     * removed by someone else are announced as that person's doing, people who came or went themselves as their own.
     * One activity is one change per channel, however many people it names.
     */
    private void conversationUpdate(Context context) {
        Activity activity = context.activity();
        Optional<String> teamId = context.teamId();
        ChannelAccount from = activity.getFrom();
        List<ChatUser> addedByOther = new ArrayList<>();
        List<ChatUser> cameThemselves = new ArrayList<>();
        for (ChannelAccount added : nonNull(activity.getMembersAdded())) {
            if (context.isBot(added)) {
                botAdded(context);
            } else if (teamId.isPresent()) {
                ChatUser user = new ChatUser(added.getId(), nameOf(context, teamId.get(), added), Optional.empty());
                (byOther(from, added) ? addedByOther : cameThemselves).add(user);
            }
        }
        List<String> removedByOther = new ArrayList<>();
        List<String> wentThemselves = new ArrayList<>();
        for (ChannelAccount removed : nonNull(activity.getMembersRemoved())) {
            if (context.isBot(removed)) {
                botRemoved(context);
            } else if (teamId.isPresent()) {
                (byOther(from, removed) ? removedByOther : wentThemselves).add(removed.getId());
            }
        }
        if (teamId.isEmpty()) {
            return;
        }
        Optional<ChatUser> by = addedByOther.isEmpty() && removedByOther.isEmpty()
                ? Optional.empty()
                : Optional.of(new ChatUser(from.getId(), nameOf(context, teamId.get(), from), Optional.empty()));
        for (String channel : channelsOf(context, teamId.get())) {
            if (!addedByOther.isEmpty()) {
                inbox.membersJoined(change(context, channel, by), addedByOther);
            }
            if (!cameThemselves.isEmpty()) {
                inbox.membersJoined(change(context, channel, Optional.empty()), cameThemselves);
            }
            if (!removedByOther.isEmpty()) {
                inbox.membersLeft(change(context, channel, by), removedByOther);
            }
            if (!wentThemselves.isEmpty()) {
                inbox.membersLeft(change(context, channel, Optional.empty()), wentThemselves);
            }
        }
    }

    /** Whether someone other than the person made the change: Teams sends it from whoever made it. */
    private static boolean byOther(ChannelAccount from, ChannelAccount person) {
        return from != null && from.getId() != null && !from.getId().equals(person.getId());
    }

    /** The change as the core takes it, under the activity's queued key: the same on every run of the activity. */
    private static ChannelChange change(Context context, String channel, Optional<ChatUser> by) {
        return new ChannelChange(
                Platform.TEAMS, context.tenantId(), channel, by, Optional.of("teams:" + context.key()));
    }

    /** The name an account goes by; roster events often carry only ids, so it is read from the team's roster then. */
    private String nameOf(Context context, String teamId, ChannelAccount account) {
        return account.getName() != null && !account.getName().isBlank()
                ? account.getName()
                : gateway.memberName(context.tenantId(), context.activity().getServiceUrl(), teamId, account.getId());
    }

    private void installationUpdate(Context context) {
        String action = String.valueOf(context.activity().getAction());
        if (action.startsWith("add")) {
            botAdded(context);
        } else if (action.startsWith("remove")) {
            botRemoved(context);
        }
    }

    private void botAdded(Context context) {
        Optional<String> teamId = context.teamId();
        if (teamId.isPresent()) {
            boolean first = !store.teamInstalled(context.tenantId(), teamId.get());
            String name = context.channelData().getTeam() == null
                    ? null
                    : context.channelData().getTeam().getName();
            store.saveTeam(
                    context.tenantId(), teamId.get(), name, context.activity().getServiceUrl());
            store.saveChannel(
                    context.tenantId(), context.channelId(), teamId.get(), reference(context, context.channelId()));
            if (first) {
                String botName = context.activity().getRecipient().getName();
                outbox.answer(
                        context.key(),
                        new TeamsOutbox.Destination(
                                context.tenantId(), context.activity().getServiceUrl(), context.channelId(), null),
                        List.of(ChatMessage.text(texts.get(context.language(), "teams.welcome.team", botName))));
            }
        } else {
            ChannelAccount user = context.activity().getFrom();
            boolean first = store.user(context.tenantId(), user.getId()).isEmpty();
            store.saveUser(context.tenantId(), user.getId(), reference(context, context.baseConversationId()));
            if (first) {
                outbox.answer(
                        context.key(),
                        new TeamsOutbox.Destination(
                                context.tenantId(),
                                context.activity().getServiceUrl(),
                                context.baseConversationId(),
                                null),
                        List.of(ChatMessage.text(texts.get(context.language(), "teams.welcome.personal"))));
            }
        }
    }

    private void botRemoved(Context context) {
        Optional<String> teamId = context.teamId();
        if (teamId.isPresent()) {
            store.removeTeam(context.tenantId(), teamId.get());
        } else {
            store.removeUser(context.tenantId(), context.activity().getFrom().getId());
        }
    }

    private void message(Context context) {
        Activity activity = context.activity();
        ChannelAccount from = activity.getFrom();
        if (from == null || from.getId() == null) {
            return;
        }
        store.rememberIdentity(context.tenantId(), from.getAadObjectId(), from.getId());
        Optional<String> teamId = context.teamId();
        if (context.personal()) {
            store.saveUser(context.tenantId(), from.getId(), reference(context, context.baseConversationId()));
        } else if (teamId.isPresent()) {
            store.saveChannel(
                    context.tenantId(), context.channelId(), teamId.get(), reference(context, context.channelId()));
        }
        boolean owner = context.channelData().getTeam() != null
                && owners.isOwner(
                        context.tenantId(), context.channelData().getTeam().getAadGroupId(), from.getAadObjectId());
        Sender sender = new Sender(Platform.TEAMS, context.tenantId(), from.getId(), from.getName(), owner);
        if (activity.getValue() != null) {
            cardSubmit(context, sender);
            return;
        }
        String words = CommandText.of(activity);
        if (words.isEmpty()) {
            return;
        }
        ChatMessage answer;
        if (context.personal()) {
            answer = CommandText.startsWithPulse(words)
                    ? command(new CommandRequest(sender, Optional.empty(), CommandText.withoutPulse(words)))
                    : inbox.directMessage(sender, words);
        } else {
            answer = command(
                    new CommandRequest(sender, Optional.of(context.channelId()), CommandText.withoutPulse(words)));
        }
        answer(context, List.of(answer));
    }

    private void cardSubmit(Context context, Sender sender) {
        Activity activity = context.activity();
        List<CardSubmit.Click> clicks = CardSubmit.read(Serialization.objectToTree(activity.getValue()));
        Optional<MessageRef> card = Optional.ofNullable(activity.getReplyToId())
                .map(id -> new MessageRef(Platform.TEAMS, context.tenantId(), context.baseConversationId(), id));
        Set<String> said = new LinkedHashSet<>();
        List<ChatMessage> answers = new ArrayList<>();
        for (CardSubmit.Click click : clicks) {
            // the activity's id and the action name the click, the same when the activity is handled again
            inbox.interaction(new Interaction(
                            sender,
                            click.action(),
                            click.input(),
                            card,
                            Optional.ofNullable(activity.getId()).map(id -> id + "/" + click.action())))
                    .filter(a -> said.add(a.summary()))
                    .ifPresent(answers::add);
        }
        answer(context, answers);
    }

    /** Queues the answers: in the 1:1 chat as messages, in a channel as replies in the thread of the command. */
    private void answer(Context context, List<ChatMessage> answers) {
        Activity activity = context.activity();
        TeamsOutbox.Destination to = context.personal()
                ? new TeamsOutbox.Destination(
                        context.tenantId(), activity.getServiceUrl(), context.baseConversationId(), null)
                : new TeamsOutbox.Destination(
                        context.tenantId(),
                        activity.getServiceUrl(),
                        activity.getConversation().getId(),
                        activity.getId());
        outbox.answer(context.key(), to, answers);
    }

    private List<String> channelsOf(Context context, String teamId) {
        List<String> channels = store.channelsOfTeam(context.tenantId(), teamId);
        return channels.isEmpty() ? List.of(context.channelId()) : channels;
    }

    private static ConversationReference reference(Context context, String conversationId) {
        ConversationReference reference = context.activity().getConversationReference();
        ConversationAccount conversation = reference.getConversation();
        conversation.setId(conversationId);
        conversation.setTenantId(context.tenantId());
        reference.setActivityId(null);
        return reference;
    }

    private static String tenantOf(Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        if (conversation != null && conversation.getTenantId() != null) {
            return conversation.getTenantId();
        }
        TeamsChannelData data = channelData(activity);
        return data.getTenant() == null ? null : data.getTenant().getId();
    }

    private static TeamsChannelData channelData(Activity activity) {
        if (activity.getChannelData() == null) {
            return new TeamsChannelData();
        }
        try {
            TeamsChannelData data = activity.getChannelData(TeamsChannelData.class);
            return data == null ? new TeamsChannelData() : data;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new TeamsChannelData();
        }
    }

    static String stripMessageId(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        int cut = conversationId.indexOf(";messageid=");
        return cut < 0 ? conversationId : conversationId.substring(0, cut);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
