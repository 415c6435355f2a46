package app.trustpulse.config;

import app.trustpulse.command.RunningCommands;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.insight.InsightModule;
import app.trustpulse.insight.InsightQueries;
import app.trustpulse.insight.Insights;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard's use cases: the insight module puts itself together ({@link InsightModule}); this hands it its
 * storage and neighbours and offers its facade, {@link Insights}.
 */
@Configuration(proxyBeanMethods = false)
public class InsightConfig {

    @Bean
    InsightModule insightModule(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            CheckInRepository checkIns,
            NudgeLog nudgeLog,
            InsightQueries queries,
            PulseRepository pulses,
            TextScrubber scrubber,
            RunningCommands commands,
            RatedLeaders ratedLeaders,
            DigestNudges nudges,
            RatedLeaderRepository ratedLeaderWeeks,
            PersonalAnswers personalAnswers,
            Clock clock) {
        return new InsightModule(
                new InsightModule.Stores(
                        teams, members, answers, checkIns, nudgeLog, queries, pulses, ratedLeaderWeeks),
                new InsightModule.Neighbours(scrubber, commands, ratedLeaders, nudges),
                personalAnswers,
                clock);
    }

    @Bean
    Insights insights(InsightModule insight) {
        return insight.insights();
    }
}
