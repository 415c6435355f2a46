package app.trustpulse.playground;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.MessagePreview;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * What a person can do in the playground, carried out through the same {@link ChatInbox} the real platforms
 * use. Every request is checked before anything is stored or handed to the core, so a bad one changes nothing.
 */
class Playground {

    static final String WORKSPACE = "demo";
    static final String TEAM_CHANNEL = "team";

    private static final String COMMAND = "/pulse";
    private static final int MAX_TEXT = 4000;
    private static final int MAX_NAME = 80;
    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final List<String> DEMO_MEMBERS = List.of("mia", "noah", "sara", "tom");

    private final PlaygroundStore store;
    private final MessageJson json;
    private final ChatInbox inbox;
    private final PlaygroundTexts texts;
    private final ResettingDemo resetting;
    private final List<MessagePreview> previews;
    private final int historyLimit;

    Playground(
            PlaygroundStore store,
            MessageJson json,
            ChatInbox inbox,
            PlaygroundTexts texts,
            ResettingDemo resetting,
            List<MessagePreview> previews,
            int historyLimit) {
        this.store = store;
        this.json = json;
        this.inbox = inbox;
        this.texts = texts;
        this.resetting = resetting;
        this.previews = List.copyOf(previews);
        this.historyLimit = historyLimit;
    }

    /** A message as Slack (Block Kit) or Teams (Bot Framework activity with an Adaptive Card) would get it. */
    String preview(long messageId, String platform) {
        StoredMessage message = store.message(WORKSPACE, messageId)
                .orElseThrow(() -> new PlaygroundRequestException(
                        HttpStatus.NOT_FOUND, "playground.error.unknown-message", messageId));
        ChatMessage content = json.read(message.content());
        return previews.stream()
                .filter(p -> p.platform().code().equals(platform))
                .findFirst()
                .orElseThrow(() -> new PlaygroundRequestException("playground.error.bad-platform", platform))
                .json(content);
    }

    /** Everyone, every message and the demo team with all its weeks gone: the next demo starts on a fresh week. */
    void reset() {
        resetting.reset(WORKSPACE);
        store.clear(WORKSPACE);
    }

    /** An admin, a leader and four members in the channel #team, and the team set up by the admin. */
    void createDemo(Language language) {
        if (!store.people(WORKSPACE).isEmpty()) {
            throw new PlaygroundRequestException(HttpStatus.CONFLICT, "playground.error.demo-exists");
        }
        Person admin = demoPerson(language, "ada", true);
        Person leader = demoPerson(language, "lee", false);
        List<Person> people = new ArrayList<>(List.of(admin, leader));
        DEMO_MEMBERS.forEach(id -> people.add(demoPerson(language, id, false)));
        for (Person p : people) {
            store.addPerson(p);
            store.join(WORKSPACE, TEAM_CHANNEL, p.userId());
        }
        // The team starts in the chosen language, so its setup reply and everyone's welcome are in it too.
        runInChannel(
                admin,
                TEAM_CHANNEL,
                COMMAND + " setup #" + TEAM_CHANNEL + " @" + leader.userId() + " " + language.code());
    }

    /** Text typed by a person in their direct message with the bot or in a channel. */
    void say(String as, String where, String channel, String text) {
        Person person = person(as);
        String typed = required(text, "playground.error.empty-text");
        if (typed.length() > MAX_TEXT) {
            throw new PlaygroundRequestException("playground.error.text-too-long", MAX_TEXT);
        }
        if ("dm".equals(where)) {
            sayInDirectMessage(person, typed);
        } else if ("channel".equals(where)) {
            String channelId = channel == null || channel.isBlank() ? TEAM_CHANNEL : channel.trim();
            if (!store.channelMembers(WORKSPACE, channelId).contains(person)) {
                throw new PlaygroundRequestException(
                        "playground.error.not-in-channel", person.displayName(), channelId);
            }
            if (typed.startsWith("/") && !isCommand(typed)) {
                throw new PlaygroundRequestException("playground.error.unknown-slash-command", COMMAND);
            }
            if (isCommand(typed)) {
                runInChannel(person, channelId, typed);
            } else {
                store.addMessage(
                        WORKSPACE,
                        Conversations.channel(channelId),
                        person.userId(),
                        Optional.empty(),
                        json.write(ChatMessage.text(typed)));
            }
        } else {
            throw new PlaygroundRequestException("playground.error.bad-where");
        }
    }

    /** A click on a scale or a button of a message the person can see, with text if the button asks for it. */
    void click(String as, Long messageId, String action, String input) {
        Person person = person(as);
        if (messageId == null) {
            throw new PlaygroundRequestException("playground.error.malformed");
        }
        StoredMessage message = store.message(WORKSPACE, messageId)
                .orElseThrow(() -> new PlaygroundRequestException("playground.error.unknown-message", messageId));
        if (!seenBy(message, person)) {
            throw new PlaygroundRequestException("playground.error.message-not-seen", person.displayName());
        }
        String chosen = required(action, "playground.error.no-such-action");
        MessageJson.ClickTarget target = json.clickTargets(message.content()).stream()
                .filter(t -> t.action().equals(chosen))
                .findFirst()
                .orElseThrow(() -> new PlaygroundRequestException("playground.error.no-such-action"));
        Optional<String> typed = Optional.empty();
        if (target.input().isPresent()) {
            String value = required(input, "playground.error.input-needed");
            int max = target.input().get().maxLength();
            if (max > 0 && value.length() > max) {
                throw new PlaygroundRequestException("playground.error.input-too-long", max);
            }
            typed = Optional.of(value);
        }
        MessageRef ref = PlaygroundGateway.ref(message);
        inbox.interaction(new Interaction(person.sender(), chosen, typed, Optional.of(ref)))
                .ifPresent(reply -> store.addMessage(
                        WORKSPACE, person.dm(), StoredMessage.BOT, Optional.of(person.userId()), json.write(reply)));
    }

    /** Someone more for the demo team's workspace; they join a channel separately. */
    void addPerson(String name, String timezone, boolean admin) {
        List<Person> people = store.people(WORKSPACE);
        if (people.isEmpty()) {
            throw new PlaygroundRequestException("playground.error.no-demo");
        }
        String displayName = required(name, "playground.error.empty-name");
        if (displayName.length() > MAX_NAME) {
            throw new PlaygroundRequestException("playground.error.name-too-long", MAX_NAME);
        }
        Optional<ZoneId> zone = Optional.empty();
        if (timezone != null && !timezone.isBlank()) {
            try {
                zone = Optional.of(ZoneId.of(timezone.trim()));
            } catch (DateTimeException e) {
                throw new PlaygroundRequestException("playground.error.bad-timezone", timezone.trim());
            }
        }
        Set<String> taken = people.stream().map(Person::userId).collect(Collectors.toSet());
        if (people.stream().anyMatch(p -> p.displayName().equalsIgnoreCase(displayName))) {
            throw new PlaygroundRequestException("playground.error.name-taken", displayName);
        }
        store.addPerson(new Person(WORKSPACE, freeUserId(displayName, taken), displayName, zone, admin));
    }

    void join(String as, String channel) {
        Person person = person(as);
        String channelId = channelId(channel);
        if (!store.join(WORKSPACE, channelId, person.userId())) {
            throw new PlaygroundRequestException(
                    "playground.error.already-in-channel", person.displayName(), channelId);
        }
        inbox.memberJoined(Platform.PLAYGROUND, WORKSPACE, channelId, person.chatUser());
    }

    void leave(String as, String channel) {
        Person person = person(as);
        String channelId = channelId(channel);
        if (!store.leave(WORKSPACE, channelId, person.userId())) {
            throw new PlaygroundRequestException("playground.error.not-in-channel", person.displayName(), channelId);
        }
        inbox.memberLeft(Platform.PLAYGROUND, WORKSPACE, channelId, person.userId());
    }

    PlaygroundState state() {
        List<Person> people = store.people(WORKSPACE);
        Map<String, String> names = people.stream().collect(Collectors.toMap(Person::userId, Person::displayName));
        Function<String, String> nameOf = id -> names.getOrDefault(id, id);
        Map<String, List<Person>> channels = new LinkedHashMap<>();
        channels().forEach(c -> channels.put(c, store.channelMembers(WORKSPACE, c)));
        List<PlaygroundState.ConversationView> conversations = new ArrayList<>();
        for (String channel : channels.keySet()) {
            conversations.add(conversation(Conversations.channel(channel), "channel", channel, nameOf));
        }
        for (Person p : people) {
            conversations.add(conversation(p.dm(), "dm", p.userId(), nameOf));
        }
        List<PlaygroundState.PersonView> views = people.stream()
                .map(p -> new PlaygroundState.PersonView(
                        p.userId(),
                        p.displayName(),
                        p.admin(),
                        p.timezone().map(ZoneId::getId).orElse(null),
                        channels.entrySet().stream()
                                .filter(e -> e.getValue().contains(p))
                                .map(Map.Entry::getKey)
                                .toList()))
                .toList();
        return new PlaygroundState(WORKSPACE, TEAM_CHANNEL, views, conversations);
    }

    private PlaygroundState.ConversationView conversation(
            String id, String kind, String with, Function<String, String> nameOf) {
        List<PlaygroundState.MessageView> messages = store.messages(WORKSPACE, id, historyLimit).stream()
                .map(m -> new PlaygroundState.MessageView(
                        m.id(),
                        m.author(),
                        StoredMessage.BOT.equals(m.author()) ? null : nameOf.apply(m.author()),
                        m.ephemeralFor().orElse(null),
                        m.createdAt(),
                        m.updatedAt(),
                        json.current(m.content())))
                .toList();
        return new PlaygroundState.ConversationView(id, kind, with, messages);
    }

    /** Answers and command words alike go to the inbox as a direct message, as on the real platforms. */
    private void sayInDirectMessage(Person person, String typed) {
        store.addMessage(
                WORKSPACE, person.dm(), person.userId(), Optional.empty(), json.write(ChatMessage.text(typed)));
        String text = Mentions.resolve(typed, store.people(WORKSPACE), channels());
        ChatMessage reply = inbox.directMessage(person.sender(), text);
        store.addMessage(WORKSPACE, person.dm(), StoredMessage.BOT, Optional.empty(), json.write(reply));
    }

    /** Like a slash command: the typed line and the answer are seen only by the person who typed it. */
    private void runInChannel(Person person, String channelId, String typed) {
        String conversation = Conversations.channel(channelId);
        Optional<String> onlyFor = Optional.of(person.userId());
        store.addMessage(WORKSPACE, conversation, person.userId(), onlyFor, json.write(ChatMessage.text(typed)));
        String text = Mentions.resolve(typed, store.people(WORKSPACE), channels());
        ChatMessage reply =
                inbox.command(new CommandRequest(person.sender(), Optional.of(channelId), commandText(text)));
        store.addMessage(WORKSPACE, conversation, StoredMessage.BOT, onlyFor, json.write(reply));
    }

    private boolean seenBy(StoredMessage message, Person person) {
        if (!message.visibleTo(person.userId())) {
            return false;
        }
        if (message.conversationId().equals(person.dm())) {
            return true;
        }
        return Conversations.channelId(message.conversationId())
                .map(c -> store.channelMembers(WORKSPACE, c).contains(person))
                .orElse(false);
    }

    private List<String> channels() {
        Set<String> channels = new LinkedHashSet<>();
        channels.add(TEAM_CHANNEL);
        channels.addAll(store.channels(WORKSPACE));
        return List.copyOf(channels);
    }

    private Person person(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new PlaygroundRequestException("playground.error.who");
        }
        return store.person(WORKSPACE, userId.trim())
                .orElseThrow(() -> new PlaygroundRequestException("playground.error.unknown-person", userId.trim()));
    }

    private Person demoPerson(Language language, String userId, boolean admin) {
        return new Person(WORKSPACE, userId, texts.get(language, "playground.demo." + userId), Optional.empty(), admin);
    }

    private static String channelId(String channel) {
        String id = channel == null || channel.isBlank()
                ? TEAM_CHANNEL
                : channel.trim().replaceFirst("^#", "");
        if (!CHANNEL_ID.matcher(id).matches()) {
            throw new PlaygroundRequestException("playground.error.bad-channel", id);
        }
        return id;
    }

    private static boolean isCommand(String text) {
        return text.equals(COMMAND) || text.startsWith(COMMAND + " ");
    }

    private static String commandText(String text) {
        return text.substring(COMMAND.length()).trim();
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new PlaygroundRequestException(key);
        }
        return value.trim();
    }

    private static String freeUserId(String name, Set<String> taken) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (base.isEmpty()) {
            base = "person";
        }
        base = base.length() > 20 ? base.substring(0, 20) : base;
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + n;
        }
        return id;
    }
}
