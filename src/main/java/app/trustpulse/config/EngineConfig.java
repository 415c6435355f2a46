package app.trustpulse.config;

import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.PlatformPersonalData;
import app.trustpulse.checkin.CheckInMessages;
import app.trustpulse.checkin.RecordingAnswers;
import app.trustpulse.checkin.Reminding;
import app.trustpulse.checkin.SendingCheckIns;
import app.trustpulse.checkin.TypedReplyParser;
import app.trustpulse.command.AdminList;
import app.trustpulse.command.CommandParser;
import app.trustpulse.command.MemberChoices;
import app.trustpulse.command.Reply;
import app.trustpulse.command.RunningCommands;
import app.trustpulse.command.TeamAdministration;
import app.trustpulse.command.TeamStatus;
import app.trustpulse.command.Welcoming;
import app.trustpulse.demo.SimulatingWeeks;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.inbound.HomeView;
import app.trustpulse.inbound.InboxService;
import app.trustpulse.nudge.MonthlyReviews;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeMessages;
import app.trustpulse.nudge.NudgeSelector;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.SecretStore;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.pulse.WeekStepRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.summary.LeaderDigests;
import app.trustpulse.summary.PulseCharts;
import app.trustpulse.summary.PulseMessages;
import app.trustpulse.summary.WeekSteps;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the domain and its use cases with plain constructors, so they carry no Spring annotations. */
@Configuration(proxyBeanMethods = false)
public class EngineConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Texts texts() {
        return new Texts();
    }

    @Bean
    NudgeCatalog nudgeCatalog() {
        return new NudgeCatalog();
    }

    @Bean
    NudgeSelector nudgeSelector(NudgeCatalog catalog) {
        return new NudgeSelector(catalog);
    }

    @Bean
    Pseudonymizer pseudonymizer(PulseProperties properties, SecretStore secrets, Environment environment) {
        return new Pseudonymizer(PseudonymKeySource.resolve(properties.pseudonymSecret(), properties.pseudonymSecretFile(),
                ConfiguredPlatforms.names(environment), secrets));
    }

    @Bean
    ChatGateways chatGateways(List<ChatGateway> gateways) {
        return new ChatGateways(gateways);
    }

    @Bean
    CheckInMessages checkInMessages(Texts texts) {
        return new CheckInMessages(texts);
    }

    @Bean
    SendingCheckIns sendingCheckIns(TeamRepository teams, MemberRepository members, CheckInRepository checkIns,
                                    PulseRepository pulses, CheckInMessages messages, ChatGateways gateways,
                                    TeamTriggers triggers, WorkQueue work, Leases leases, PulseProperties properties,
                                    Clock clock) {
        return new SendingCheckIns(teams, members, checkIns, pulses, new CheckInPlanner(), messages, gateways,
                triggers, work, leases, properties.claimTimeout(), clock);
    }

    @Bean
    Reminding reminding(TeamRepository teams, MemberRepository members, CheckInRepository checkIns, PulseRepository pulses,
                        CheckInMessages messages, ChatGateways gateways, Clock clock) {
        return new Reminding(teams, members, checkIns, pulses, messages, gateways, clock);
    }

    @Bean
    RecordingAnswers recordingAnswers(TeamRepository teams, MemberRepository members, CheckInRepository checkIns,
                                      AnswerRepository answers, PulseRepository pulses, Pseudonymizer pseudonyms,
                                      CheckInMessages messages, ChatGateways gateways, Texts texts, Clock clock) {
        return new RecordingAnswers(teams, members, checkIns, answers, pulses, pseudonyms, new TypedReplyParser(), messages,
                gateways, texts, clock);
    }

    @Bean
    PulseMessages pulseMessages(Texts texts, ObjectProvider<PulseCharts> charts) {
        return new PulseMessages(texts, charts.getIfAvailable(PulseCharts::none));
    }

    @Bean
    NudgeMessages nudgeMessages(NudgeCatalog catalog, Texts texts) {
        return new NudgeMessages(catalog, texts);
    }

    @Bean
    LeaderDigests leaderDigests(NudgeSelector selector, NudgeCatalog catalog, NudgeLog nudgeLog, PulseMessages pulseMessages,
                                NudgeMessages nudgeMessages, Texts texts, Clock clock) {
        return new LeaderDigests(selector, catalog, nudgeLog, pulseMessages, nudgeMessages, texts, clock);
    }

    @Bean
    TextScrubber textScrubber() {
        return new TextScrubber();
    }

    @Bean
    WeekSteps weekSteps(TeamRepository teams, MemberRepository members, AnswerRepository answers, PulseRepository pulses,
                        WeekStepRepository steps, NudgeSelector selector, PulseMessages pulseMessages, LeaderDigests digests,
                        MonthlyReviews reviews, FeedbackRepository feedback, TextScrubber scrubber, Pseudonymizer pseudonyms,
                        ChatGateways gateways, Texts texts, WorkQueue work, PulseProperties properties, Clock clock) {
        return new WeekSteps(teams, members, answers, pulses, steps, selector, pulseMessages, digests, reviews,
                new FeedbackRelease(feedback, members, scrubber, new SecureRandom()), scrubber, pseudonyms, gateways, texts, work,
                properties.claimTimeout(), clock);
    }

    @Bean
    ClosingWeeks closingWeeks(TeamRepository teams, CheckInRepository checkIns, AnswerRepository answers,
                              PulseRepository pulses, WeekStepRepository steps, WeekSteps weekSteps, Clock clock) {
        return new ClosingWeeks(teams, checkIns, answers, pulses, new PulseCalculator(), steps, weekSteps, clock);
    }

    @Bean
    NudgingLeaders nudgingLeaders(TeamRepository teams, MemberRepository members, PulseRepository pulses, AnswerRepository answers,
                                  Pseudonymizer pseudonyms, NudgeLog nudgeLog, NudgeSelector selector, NudgeMessages messages,
                                  ChatGateways gateways, Texts texts, Clock clock, PulseProperties properties,
                                  WeekStepRepository steps, NudgeCatalog catalog) {
        return new NudgingLeaders(teams, members, pulses, answers, pseudonyms, nudgeLog, selector, messages, gateways, texts, clock,
                properties.nudgesPerWeek()).claimedIn(steps, catalog, properties.claimTimeout());
    }

    @Bean
    MonthlyReviews monthlyReviews(NudgeLog nudgeLog, Texts texts) {
        return new MonthlyReviews(nudgeLog, texts);
    }

    @Bean
    SimulatingWeeks simulatingWeeks(TeamRepository teams, MemberRepository members, AnswerRepository answers, PulseRepository pulses,
                                    NudgeLog nudgeLog, Pseudonymizer pseudonyms, ClosingWeeks closing, MonthlyReviews reviews,
                                    ChatGateways gateways, Clock clock) {
        return new SimulatingWeeks(teams, members, answers, pulses, nudgeLog, pseudonyms, closing, reviews, gateways, clock);
    }

    @Bean
    Reply reply(Texts texts) {
        return new Reply(texts);
    }

    @Bean
    Welcoming welcoming(ChatGateways gateways, Texts texts) {
        return new Welcoming(gateways, texts);
    }

    @Bean
    RunningCommands runningCommands(TeamRepository teams, MemberRepository members, CheckInRepository checkIns,
                                    AnswerRepository answers, PulseRepository pulses, TeamTriggers triggers, ChatGateways gateways,
                                    Welcoming welcoming, NudgingLeaders nudging, SendingCheckIns sending, ClosingWeeks closing, MemberChoices choices,
                                    Reply reply, Texts texts, Clock clock, PulseProperties properties) {
        TeamAdministration administration = new TeamAdministration(teams, members, triggers, gateways, welcoming, reply,
                new TeamAdministration.Defaults(properties.defaultTimezone(), properties.defaultLanguage(),
                        properties.defaultThreshold()));
        TeamStatus status = new TeamStatus(members, checkIns, answers, pulses, triggers, nudging, texts, clock);
        return new RunningCommands(new CommandParser(), teams, members, new AdminList(properties.admins()), administration, status,
                choices, sending, closing, reply, texts, properties.defaultLanguage());
    }

    @Bean
    MemberChoices memberChoices(TeamRepository teams, MemberRepository members, CheckInRepository checkIns,
                                AnswerRepository answers, FeedbackRepository feedback, NudgeLog nudgeLog,
                                Pseudonymizer pseudonyms, Reply reply, Texts texts, Clock clock,
                                List<PlatformPersonalData> platformData) {
        return new MemberChoices(teams, members, checkIns, answers, feedback, nudgeLog, pseudonyms, reply, texts, clock,
                platformData);
    }

    @Bean
    InboxService inboxService(RunningCommands commands, RecordingAnswers recording, MemberChoices choices, NudgeLog nudgeLog,
                              TeamRepository teams, MemberRepository members, PulseRepository pulses, NudgeCatalog catalog,
                              PulseMessages pulseMessages, Welcoming welcoming, Texts texts, Clock clock,
                              PulseProperties properties) {
        HomeView home = new HomeView(teams, members, pulses, nudgeLog, catalog, pulseMessages, texts, clock);
        return new InboxService(commands, recording, choices, nudgeLog, home, teams, members, welcoming, texts, clock,
                properties.defaultLanguage());
    }
}
