package app.trustpulse.slack;

import app.trustpulse.chat.ChatUser;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.NowAndThen;
import app.trustpulse.pulse.Platform;
import com.slack.api.methods.Methods;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersListResponse;
import com.slack.api.model.User;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * People as Slack describes them ({@code users.info}, {@code users.list}): name, timezone, locale, admin or owner, bot
 * or deactivated. Lookups are kept for a minute, so one click or command costs at most one call per person; those
 * older are let go (looked over at most once a minute), and one person looked up when {@link #MOST} are held clears
 * them all.
 */
class SlackPeople {

    private static final Duration KEEP = Duration.ofMinutes(1);
    /** Slack's largest page for conversations.members and users.list. */
    private static final int PAGE = 1000;
    /** Up to this many people, users.info one by one (Tier 4) is quicker than paging the workspace (Tier 2). */
    private static final int LOOK_UP_ONE_BY_ONE = 20;

    private static final String SLACKBOT = "USLACKBOT";

    /** The most lookups held: one more clears them all. */
    static final int MOST = 10_000;

    private final SlackCalls calls;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final NowAndThen sweeps;

    SlackPeople(SlackCalls calls) {
        this(calls, System::nanoTime);
    }

    SlackPeople(SlackCalls calls, LongSupplier nanoTime) {
        this.calls = calls;
        this.nanoTime = nanoTime;
        this.sweeps = new NowAndThen(KEEP.toNanos(), nanoTime.getAsLong());
    }

    /** How many people are held. */
    int held() {
        return cache.size();
    }

    record Person(String id, String name, Optional<ZoneId> timezone, Language language, boolean admin, boolean human) {}

    private record Cached(Person person, long until) {}

    Person person(String workspaceId, String userId) {
        String key = workspaceId + '/' + userId;
        long now = nanoTime.getAsLong();
        Cached hit = cache.get(key);
        if (hit != null && hit.until - now > 0) {
            return hit.person;
        }
        UsersInfoResponse info = calls.call(
                workspaceId,
                Methods.USERS_INFO,
                null,
                c -> c.usersInfo(r -> r.user(userId).includeLocale(true)));
        Person person = toPerson(info.getUser());
        forgetOld();
        if (cache.size() >= MOST) {
            cache.clear();
        }
        cache.put(key, new Cached(person, now + KEEP.toNanos()));
        return person;
    }

    /** Lets go of the lookups older than {@link #KEEP}, looking them over at most once in that time. */
    private void forgetOld() {
        long now = nanoTime.getAsLong();
        if (sweeps.due(now)) {
            cache.values().removeIf(c -> c.until - now <= 0);
        }
    }

    Sender sender(String workspaceId, String userId) {
        Person p = person(workspaceId, userId);
        return new Sender(Platform.SLACK, workspaceId, userId, p.name(), p.admin());
    }

    Optional<ChatUser> human(String workspaceId, String userId) {
        Person p = person(workspaceId, userId);
        return p.human() ? Optional.of(new ChatUser(p.id(), p.name(), p.timezone())) : Optional.empty();
    }

    /**
     * The channel's human, active members. Their ids come in pages of up to 1,000 ({@code conversations.members},
     * Tier 4); who they are comes from {@code users.list} in pages of up to 1,000 (Tier 2) once the channel has more
     * than a few people, instead of one {@code users.info} per person: 1,000 people cost a handful of calls.
     */
    List<ChatUser> channelMembers(String workspaceId, String channelId) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            ConversationsMembersResponse r = calls.call(
                    workspaceId,
                    Methods.CONVERSATIONS_MEMBERS,
                    channelId,
                    c -> c.conversationsMembers(
                            q -> q.channel(channelId).limit(PAGE).cursor(page)));
            r.getMembers().stream().filter(id -> !SLACKBOT.equals(id)).forEach(ids::add);
            cursor = nextCursor(r.getResponseMetadata());
        } while (cursor != null);
        if (ids.size() > LOOK_UP_ONE_BY_ONE) {
            readWorkspace(workspaceId, new HashSet<>(ids));
        }
        List<ChatUser> members = new ArrayList<>();
        for (String id : ids) {
            human(workspaceId, id).ifPresent(members::add);
        }
        return members;
    }

    /**
     * Reads the workspace's people page by page into the cache, until all the wanted ones were seen; all of a channel's
     * people are held for the minute however many, so that none is looked up again one by one.
     */
    private void readWorkspace(String workspaceId, Set<String> wanted) {
        forgetOld();
        Set<String> missing = new HashSet<>(wanted);
        String cursor = null;
        long until = nanoTime.getAsLong() + KEEP.toNanos();
        do {
            String page = cursor;
            UsersListResponse r = calls.call(
                    workspaceId,
                    Methods.USERS_LIST,
                    null,
                    c -> c.usersList(q -> q.limit(PAGE).cursor(page).includeLocale(true)));
            for (User u : r.getMembers()) {
                if (missing.remove(u.getId())) {
                    cache.put(workspaceId + '/' + u.getId(), new Cached(toPerson(u), until));
                }
            }
            cursor = missing.isEmpty() ? null : nextCursor(r.getResponseMetadata());
        } while (cursor != null);
    }

    private static String nextCursor(com.slack.api.model.ResponseMetadata meta) {
        return meta == null
                        || meta.getNextCursor() == null
                        || meta.getNextCursor().isEmpty()
                ? null
                : meta.getNextCursor();
    }

    private static Person toPerson(User u) {
        String name = Optional.ofNullable(u.getProfile())
                .map(User.Profile::getDisplayName)
                .filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(u.getRealName()).filter(s -> !s.isBlank()))
                .orElse(u.getName() == null ? u.getId() : u.getName());
        boolean human =
                !u.isBot() && !u.isAppUser() && !u.isWorkflowBot() && !u.isDeleted() && !SLACKBOT.equals(u.getId());
        return new Person(
                u.getId(),
                name,
                zone(u.getTz()),
                SlackTexts.languageOf(u.getLocale()),
                u.isAdmin() || u.isOwner() || u.isPrimaryOwner(),
                human);
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
