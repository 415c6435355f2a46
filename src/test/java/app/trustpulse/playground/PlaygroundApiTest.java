package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.support.TestDatabases;
import app.trustpulse.support.TestScales;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The playground's HTTP API over a real store, with the core's inbox replaced by a mock. */
class PlaygroundApiTest {

    private final DataSource db = TestDatabases.h2();
    private final PlaygroundStore store = new PlaygroundStore(JdbcClient.create(db), Clock.systemUTC());
    private final MessageJson json = new MessageJson();
    private final ChatInbox inbox = mock(ChatInbox.class);
    private final PlaygroundGateway gateway = new PlaygroundGateway(store, json);
    private final TeamRepository teams = mock(TeamRepository.class);
    private final SimulatingWeeks simulating = mock(SimulatingWeeks.class);
    private final NudgingLeaders nudging = mock(NudgingLeaders.class);
    private final PlayingTheWeek playing = mock(PlayingTheWeek.class);
    private final Team demoTeam = new Team(
            7,
            Platform.PLAYGROUND,
            "demo",
            "team",
            "#team",
            java.time.ZoneId.of("Europe/Amsterdam"),
            app.trustpulse.pulse.Language.EN,
            3,
            app.trustpulse.pulse.TeamSchedule.defaults(),
            false);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        PlaygroundTexts texts = new PlaygroundTexts();
        Playground playground = new Playground(
                store,
                json,
                inbox,
                texts,
                new ResettingDemo(teams, mock(app.trustpulse.pulse.TeamTriggers.class)),
                List.of(
                        new app.trustpulse.slack.SlackPreviewConfiguration().slackMessagePreview(),
                        new app.trustpulse.teams.TeamsPreviewConfiguration().teamsMessagePreview()),
                200);
        PlaygroundCoaching coaching = new PlaygroundCoaching(teams, nudging, simulating, Clock.systemUTC());
        mvc = MockMvcBuilders.standaloneSetup(new PlaygroundApiController(
                        playground,
                        coaching,
                        texts,
                        playing,
                        new PlaygroundCalendar(store, Clock.systemUTC()),
                        Clock.systemUTC()))
                .build();
        when(inbox.command(any())).thenReturn(ChatMessage.text("command done"));
        when(inbox.directMessage(any(), any())).thenReturn(ChatMessage.text("recorded"));
        when(inbox.interaction(any())).thenReturn(Optional.of(ChatMessage.text("thanks")));
    }

    @Test
    void simulatingWeeksOrNudgingWithoutADemoTeamSaysToCreateItFirst() throws Exception {
        call("/simulate", "{\"weeks\":6}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Create the demo team first; then you can add people to it."));
        call("/nudges", "{}").andExpect(status().isBadRequest());
    }

    @Test
    void simulatingANumberOfWeeksOutsideTheRangeIsRefused() throws Exception {
        call("/simulate", "{\"weeks\":40}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Simulate between 1 and 12 weeks."));
    }

    @Test
    void theDemoTeamIsSixPeopleInTheTeamChannelSetUpByTheAdmin() throws Exception {
        call("/demo", "{\"language\":\"nl\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people.length()").value(6))
                .andExpect(jsonPath("$.people[0].name").value("Ada (beheerder)"))
                .andExpect(jsonPath("$.people[0].admin").value(true))
                .andExpect(jsonPath("$.people[1].name").value("Lee (leidinggevende)"))
                .andExpect(jsonPath("$.people[5].channels[0]").value("team"))
                .andExpect(jsonPath("$.conversations[0].id").value("channel:team"))
                .andExpect(
                        jsonPath("$.conversations[0].messages[1].ephemeralFor").value("ada"))
                .andExpect(jsonPath("$.conversations[0].messages[1].content.blocks[0].text")
                        .value("command done"));

        ArgumentCaptor<CommandRequest> commands = ArgumentCaptor.forClass(CommandRequest.class);
        verify(inbox, times(1)).command(commands.capture());
        Sender ada = new Sender(Platform.PLAYGROUND, "demo", "ada", "Ada (beheerder)", true);
        // The team is set up in the demo's language, so the setup reply and every welcome are in it too.
        assertThat(commands.getAllValues())
                .containsExactly(new CommandRequest(ada, Optional.of("team"), "setup <#team> <@lee> nl"));
        assertThat(store.channelMembers("demo", "team"))
                .extracting(Person::userId)
                .containsExactly("ada", "lee", "mia", "noah", "sara", "tom");
    }

    @Test
    void aSecondDemoIsRefusedAndChangesNothing() throws Exception {
        call("/demo", "{}").andExpect(status().isOk());
        int messages = allMessages();

        call("/demo", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("demo-exists"))
                .andExpect(jsonPath("$.message").value(containsString("already exists")));

        verify(inbox, times(1)).command(any());
        assertThat(store.people("demo")).hasSize(6);
        assertThat(allMessages()).isEqualTo(messages);
    }

    @Test
    void aDemoInAnUnknownLanguageIsRefusedBeforeAnythingIsCreated() throws Exception {
        call("/demo", "{\"language\":\"de\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad-language"));

        assertThat(store.people("demo")).isEmpty();
        verifyNoInteractions(inbox);
    }

    @Test
    void textInADirectMessageGoesToTheInboxAndTheReplyIsTheBots() throws Exception {
        call("/demo", "{}");

        call("/say", "{\"as\":\"mia\",\"where\":\"dm\",\"text\":\"  freedom 4 \"}")
                .andExpect(status().isOk());

        verify(inbox).directMessage(new Sender(Platform.PLAYGROUND, "demo", "mia", "Mia", false), "freedom 4");
        List<StoredMessage> dm = store.messages("demo", "dm:mia", 10);
        assertThat(dm).extracting(StoredMessage::author).containsExactly("mia", "bot");
        assertThat(dm).allSatisfy(m -> assertThat(m.ephemeralFor()).isEmpty());
        assertThat(json.read(dm.get(1).content())).isEqualTo(ChatMessage.text("recorded"));
    }

    @Test
    void commandWordsInADirectMessageGoToTheInboxWithTheirMentionsResolved() throws Exception {
        call("/demo", "{}");

        call("/say", "{\"as\":\"lee\",\"where\":\"dm\",\"text\":\"/pulse feedback thanks @Mia and @sara\"}")
                .andExpect(status().isOk());

        verify(inbox)
                .directMessage(
                        new Sender(Platform.PLAYGROUND, "demo", "lee", "Lee (leader)", false),
                        "/pulse feedback thanks <@mia> and <@sara>");
        assertThat(store.messages("demo", "dm:lee", 10))
                .extracting(m -> json.read(m.content()).summary())
                .containsExactly("/pulse feedback thanks @Mia and @sara", "recorded");
    }

    @Test
    void aCommandInTheChannelHasItsMentionsResolvedAndIsSeenOnlyByWhoTypedIt() throws Exception {
        call("/demo", "{}");
        int before = store.messages("demo", "channel:team", 100).size();

        call("/say", "{\"as\":\"ada\",\"where\":\"channel\",\"text\":\"/pulse leader @Mia\"}")
                .andExpect(status().isOk());

        verify(inbox)
                .command(new CommandRequest(
                        new Sender(Platform.PLAYGROUND, "demo", "ada", "Ada (admin)", true),
                        Optional.of("team"),
                        "leader <@mia>"));
        List<StoredMessage> channel = store.messages("demo", "channel:team", 100);
        assertThat(channel).hasSize(before + 2);
        assertThat(channel.subList(before, before + 2))
                .extracting(StoredMessage::author)
                .containsExactly("ada", "bot");
        assertThat(channel.subList(before, before + 2))
                .allSatisfy(m -> assertThat(m.ephemeralFor()).contains("ada"));
    }

    @Test
    void plainTextInTheChannelIsStoredForEveryoneAndNotSentToTheBot() throws Exception {
        call("/demo", "{}");
        clearInvocations(inbox);

        call("/say", "{\"as\":\"noah\",\"where\":\"channel\",\"text\":\"good morning\"}")
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.conversations[0].messages[-1:].authorName").value("Noah"));

        verifyNoInteractions(inbox);
        StoredMessage last = store.messages("demo", "channel:team", 1).get(0);
        assertThat(last.author()).isEqualTo("noah");
        assertThat(last.ephemeralFor()).isEmpty();
    }

    @Test
    void badRequestsAreRefusedWithAClearMessageAndChangeNothing() throws Exception {
        call("/demo", "{}");
        clearInvocations(inbox);
        int messages = allMessages();

        call("/say", "{\"as\":\"bob\",\"where\":\"dm\",\"text\":\"hi\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unknown-person"))
                .andExpect(jsonPath("$.message").value(containsString("\"bob\"")));
        call("/say", "{\"as\":\"mia\",\"where\":\"dm\",\"text\":\"   \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("empty-text"));
        call("/say", "{\"as\":\"mia\",\"where\":\"moon\",\"text\":\"hi\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad-where"));
        call("/say", "{\"as\":\"mia\",\"where\":\"channel\",\"text\":\"/remind me\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unknown-slash-command"));
        call("/say", "{\"as\":\"mia\",\"where\":\"dm\",")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed"));
        call("/action", "{\"as\":\"mia\",\"messageId\":\"abc\",\"action\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed"));
        call("/action", "{\"as\":\"mia\",\"messageId\":999999,\"action\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unknown-message"));
        call("/action", "{\"as\":\"mia\",\"action\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed"));
        call("/say", "{\"where\":\"dm\",\"text\":\"hi\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("who"));
        mvc.perform(post("/playground/api/say")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hi"))
                .andExpect(status().isBadRequest());
        call("/people", "{\"name\":\"Zed\",\"timezone\":\"Mars/Olympus\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad-timezone"));
        call("/people", "{\"name\":\"mia\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("name-taken"));
        call("/channel/join", "{\"as\":\"mia\",\"channel\":\"team\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("already-in-channel"));
        call("/channel/leave", "{\"as\":\"mia\",\"channel\":\"Not A Channel\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad-channel"));

        verifyNoInteractions(inbox);
        assertThat(allMessages()).isEqualTo(messages);
        assertThat(store.people("demo")).hasSize(6);
        assertThat(store.channelMembers("demo", "team")).hasSize(6);
    }

    @Test
    void refusalsSpeakTheLanguageTheRequestAsksFor() throws Exception {
        mvc.perform(post("/playground/api/say")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "nl-NL,nl;q=0.9")
                        .content("{\"as\":\"bob\",\"where\":\"dm\",\"text\":\"hi\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(startsWith("Er is niemand")));
    }

    @Test
    void aClickOnAScaleReachesTheInboxWithTheMessageItWasOn() throws Exception {
        call("/demo", "{}");
        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.PLAYGROUND, "demo", "mia"), checkIn());

        call("/action", "{\"as\":\"mia\",\"messageId\":" + ref.messageId() + ",\"action\":\"c:7:VRIJHEID:4\"}")
                .andExpect(status().isOk());

        verify(inbox)
                .interaction(new Interaction(
                        new Sender(Platform.PLAYGROUND, "demo", "mia", "Mia", false),
                        "c:7:VRIJHEID:4",
                        Optional.empty(),
                        Optional.of(ref)));
        StoredMessage reply = store.messages("demo", "dm:mia", 10).get(1);
        assertThat(reply.author()).isEqualTo("bot");
        assertThat(reply.ephemeralFor()).contains("mia");
        assertThat(json.read(reply.content())).isEqualTo(ChatMessage.text("thanks"));
    }

    @Test
    void aButtonThatAsksForTextNeedsItAndPassesItOn() throws Exception {
        call("/demo", "{}");
        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.PLAYGROUND, "demo", "mia"), checkIn());
        String click = "{\"as\":\"mia\",\"messageId\":" + ref.messageId() + ",\"action\":\"c:7:comment\"";

        call("/action", click + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("input-needed"));
        call("/action", click + ",\"input\":\"" + "x".repeat(11) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("input-too-long"));
        verify(inbox, never()).interaction(any());

        call("/action", click + ",\"input\":\"Less noise\"}").andExpect(status().isOk());

        verify(inbox)
                .interaction(new Interaction(
                        new Sender(Platform.PLAYGROUND, "demo", "mia", "Mia", false),
                        "c:7:comment",
                        Optional.of("Less noise"),
                        Optional.of(ref)));
    }

    @Test
    void nobodyClicksOnAMessageTheyCannotSeeOrOnAButtonItDoesNotHave() throws Exception {
        call("/demo", "{}");
        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.PLAYGROUND, "demo", "mia"), checkIn());

        call("/action", "{\"as\":\"tom\",\"messageId\":" + ref.messageId() + ",\"action\":\"c:7:VRIJHEID:4\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("message-not-seen"));
        call("/action", "{\"as\":\"mia\",\"messageId\":" + ref.messageId() + ",\"action\":\"c:7:VRIJHEID:6\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("no-such-action"));

        verify(inbox, never()).interaction(any());
        assertThat(store.messages("demo", "dm:mia", 10)).hasSize(1);
    }

    @Test
    void leavingAndJoiningTheChannelIsToldToTheCore() throws Exception {
        call("/demo", "{}");

        call("/channel/leave", "{\"as\":\"sara\",\"channel\":\"#team\"}").andExpect(status().isOk());
        assertThat(store.channelMembers("demo", "team"))
                .extracting(Person::userId)
                .doesNotContain("sara");
        verify(inbox).memberLeft(Platform.PLAYGROUND, "demo", "team", "sara");

        call("/channel/leave", "{\"as\":\"sara\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("not-in-channel"));
        call("/say", "{\"as\":\"sara\",\"where\":\"channel\",\"text\":\"/pulse help\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("not-in-channel"));

        call("/channel/join", "{\"as\":\"sara\"}").andExpect(status().isOk());
        verify(inbox).memberJoined(Platform.PLAYGROUND, "demo", "team", new ChatUser("sara", "Sara", Optional.empty()));
    }

    @Test
    void aNewPersonGetsAFreeUserIdAndAppearsInTheState() throws Exception {
        call("/demo", "{}");

        call("/people", "{\"name\":\"Mia Jansen\",\"timezone\":\"Europe/Amsterdam\",\"admin\":false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people[6].userId").value("miajansen"))
                .andExpect(jsonPath("$.people[6].timezone").value("Europe/Amsterdam"))
                .andExpect(jsonPath("$.conversations[?(@.id == 'dm:miajansen')].kind")
                        .value("dm"));
        call("/people", "{\"name\":\"Mia-Jansen!\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people[7].userId").value("miajansen2"));
    }

    @Test
    void peopleCanOnlyBeAddedToTheDemoTeamsWorkspaceOnceItExists() throws Exception {
        call("/people", "{\"name\":\"Zed\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("no-demo"));

        assertThat(store.people("demo")).isEmpty();
        call("/demo", "{}").andExpect(status().isOk());
    }

    @Test
    void labelsComeInBothLanguagesWithTheSameKeys() throws Exception {
        String en = mvc.perform(get("/playground/api/labels").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['playground.page.createDemo']").value("Create demo team"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String nl = mvc.perform(get("/playground/api/labels").param("lang", "nl"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['playground.page.createDemo']").value("Demoteam maken"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.tree(en).propertyNames())
                .containsExactlyElementsOf(json.tree(nl).propertyNames());
        mvc.perform(get("/playground/api/labels").param("lang", "fr")).andExpect(status().isBadRequest());
    }

    private static ChatMessage checkIn() {
        return new ChatMessage(
                "Check-in",
                List.of(
                        new Block.Scale(
                                "I have room to decide.", "c:7:VRIJHEID:", TestScales.agreement(), Optional.empty()),
                        new Block.Buttons(List.of(Button.withInput(
                                "Comment",
                                "c:7:comment",
                                new Button.InputRequest("Comment", "Your comment", "Send", 10))))));
    }

    private int allMessages() {
        return JdbcClient.create(db)
                .sql("SELECT COUNT(*) FROM playground_message")
                .query(Integer.class)
                .single();
    }

    @Test
    void eachBotMessageCanBeSeenAsSlackAndTeamsGetIt() throws Exception {
        call("/demo", "{}");
        long id = store.messages("demo", "channel:team", 10).stream()
                .filter(m -> m.author().equals("bot"))
                .findFirst()
                .orElseThrow()
                .id();

        String slack = mvc.perform(get("/playground/api/preview")
                        .param("message", String.valueOf(id))
                        .param("platform", "slack"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(slack).contains("\\\"blocks\\\"").contains("command done");
        String teams = mvc.perform(get("/playground/api/preview")
                        .param("message", String.valueOf(id))
                        .param("platform", "teams"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(teams).contains("\\\"type\\\" : \\\"message\\\"").contains("command done");
        mvc.perform(get("/playground/api/preview")
                        .param("message", String.valueOf(id))
                        .param("platform", "irc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("slack or teams")));
        mvc.perform(get("/playground/api/preview").param("message", "999999").param("platform", "slack"))
                .andExpect(status().isNotFound());
    }

    @Test
    void startingOverRemovesTheDemoTeamItsPeopleAndEveryMessageSoANewDemoBeginsAfresh() throws Exception {
        call("/demo", "{}");
        when(teams.findByWorkspace(Platform.PLAYGROUND, "demo")).thenReturn(List.of(demoTeam));

        call("/reset", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people.length()").value(0));

        verify(teams).delete(demoTeam.id());
        assertThat(allMessages()).isZero();
        call("/demo", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people.length()").value(6));
    }

    @Test
    void clicksThatWouldDoNothingSayWhy() throws Exception {
        when(teams.findByChannel(Platform.PLAYGROUND, "demo", "team")).thenReturn(Optional.of(demoTeam));
        when(simulating.simulate(demoTeam.id(), 6)).thenReturn(new SimulatingWeeks.Result(0, 6));
        when(nudging.scheduledRound(org.mockito.ArgumentMatchers.eq(demoTeam.id()), any()))
                .thenReturn(0);

        call("/simulate", "{\"weeks\":6}")
                .andExpect(status().isConflict())
                .andExpect(
                        jsonPath("$.message").value(containsString("simulated weeks never come after a closed one")));
        call("/nudges", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("No leader got a nudge")));
    }

    private ResultActions call(String path, String body) throws Exception {
        return mvc.perform(post("/playground/api" + path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
