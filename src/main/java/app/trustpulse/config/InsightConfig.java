package app.trustpulse.config;

import app.trustpulse.command.RunningCommands;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.insight.EditingTeamSettings;
import app.trustpulse.insight.InsightQueries;
import app.trustpulse.insight.ReadingInsights;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's use cases and their storage. */
@Configuration(proxyBeanMethods = false)
public class InsightConfig {

    @Bean
    ReadingInsights readingInsights(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            CheckInRepository checkIns,
            NudgeLog nudgeLog,
            InsightQueries queries,
            PulseRepository pulses,
            Pseudonymizer pseudonyms,
            TextScrubber scrubber,
            Clock clock,
            RatedLeaders ratedLeaders) {
        return new ReadingInsights(
                        teams, members, answers, checkIns, nudgeLog, queries, pulses, pseudonyms, scrubber, clock)
                .namingLeaders(ratedLeaders);
    }

    @Bean
    EditingTeamSettings editingTeamSettings(ReadingInsights insights, RunningCommands commands) {
        return new EditingTeamSettings(insights, commands);
    }
}
