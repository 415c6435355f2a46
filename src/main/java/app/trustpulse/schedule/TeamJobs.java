package app.trustpulse.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.quartz.JobKey;
import org.quartz.TriggerKey;

/** Names of a team's jobs and triggers, and the cron expressions behind them. */
final class TeamJobs {

    static final String TEAM_ID = "teamId";
    static final String USER_ID = "userId";
    static final String WEEK = "week";
    static final String SLOT = "slot";

    static final String CHECK_IN = "check-in";
    static final String CLOSE = "week-close";
    static final String NUDGES = "leader-nudges";
    static final String REMINDER = "reminder";
    static final String PERSONAL = "personal-check-in";

    private TeamJobs() {}

    static String group(long teamId) {
        return "team-" + teamId;
    }

    static JobKey job(long teamId, String name) {
        return new JobKey(name, group(teamId));
    }

    static TriggerKey trigger(long teamId, String name) {
        return new TriggerKey(name, group(teamId));
    }

    /** "0 30 9 ? * MON,WED,FRI": at that time on those days. */
    static String cron(Set<DayOfWeek> days, LocalTime time) {
        String dayList =
                days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        return "0 " + time.getMinute() + " " + time.getHour() + " ? * " + dayList;
    }
}
