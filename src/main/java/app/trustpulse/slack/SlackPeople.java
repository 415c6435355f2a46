package app.trustpulse.slack;

import app.trustpulse.chat.ChatUser;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import com.slack.api.methods.Methods;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * People as Slack describes them ({@code users.info}): name, timezone, locale, admin or owner, bot or deactivated.
 * Lookups are kept for a minute, so one click or command costs at most one call per person.
 */
class SlackPeople {

    private static final Duration KEEP = Duration.ofMinutes(1);
    private static final String SLACKBOT = "USLACKBOT";

    private final SlackCalls calls;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SlackPeople(SlackCalls calls) {
        this.calls = calls;
    }

    record Person(String id, String name, Optional<ZoneId> timezone, Language language, boolean admin, boolean human) {
    }

    private record Cached(Person person, long until) {
    }

    Person person(String workspaceId, String userId) {
        String key = workspaceId + '/' + userId;
        long now = System.nanoTime();
        Cached hit = cache.get(key);
        if (hit != null && hit.until - now > 0) {
            return hit.person;
        }
        UsersInfoResponse info = calls.call(workspaceId, Methods.USERS_INFO, null,
                c -> c.usersInfo(r -> r.user(userId).includeLocale(true)));
        Person person = toPerson(info.getUser());
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key, new Cached(person, now + KEEP.toNanos()));
        return person;
    }

    Sender sender(String workspaceId, String userId) {
        Person p = person(workspaceId, userId);
        return new Sender(Platform.SLACK, workspaceId, userId, p.name(), p.admin());
    }

    Optional<ChatUser> human(String workspaceId, String userId) {
        Person p = person(workspaceId, userId);
        return p.human() ? Optional.of(new ChatUser(p.id(), p.name(), p.timezone())) : Optional.empty();
    }

    /** The channel's human, active members, all pages of them. */
    List<ChatUser> channelMembers(String workspaceId, String channelId) {
        List<ChatUser> members = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            ConversationsMembersResponse r = calls.call(workspaceId, Methods.CONVERSATIONS_MEMBERS, channelId,
                    c -> c.conversationsMembers(q -> q.channel(channelId).limit(200).cursor(page)));
            for (String userId : r.getMembers()) {
                if (!SLACKBOT.equals(userId)) {
                    human(workspaceId, userId).ifPresent(members::add);
                }
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return members;
    }

    private static Person toPerson(User u) {
        String name = Optional.ofNullable(u.getProfile()).map(User.Profile::getDisplayName).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(u.getRealName()).filter(s -> !s.isBlank()))
                .orElse(u.getName() == null ? u.getId() : u.getName());
        boolean human = !u.isBot() && !u.isAppUser() && !u.isWorkflowBot() && !u.isDeleted() && !SLACKBOT.equals(u.getId());
        return new Person(u.getId(), name, zone(u.getTz()), SlackTexts.languageOf(u.getLocale()),
                u.isAdmin() || u.isOwner() || u.isPrimaryOwner(), human);
    }

    private static Optional<ZoneId> zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(tz));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
