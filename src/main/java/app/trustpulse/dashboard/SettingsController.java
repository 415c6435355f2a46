package app.trustpulse.dashboard;

import app.trustpulse.insight.EditingTeamSettings;
import app.trustpulse.insight.ReadingInsights;
import app.trustpulse.insight.TeamAccess;
import app.trustpulse.insight.Viewer;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TextFormats;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's settings for an admin. Every changed field becomes the slash command it stands for and runs through
 * the same command use case as in the chat, so a bad value gets the chat's own explanation and changes nothing.
 */
@Controller
class SettingsController {

    /** The form, in the words the commands take: days as "mon,wed,fri", times as "09:30", a reminder as "4h" or "off". */
    public static final class Form {
        private String language = "";
        private String timezone = "";
        private String threshold = "";
        private String checkinDays = "";
        private String checkinTime = "";
        private String summaryDay = "";
        private String summaryTime = "";
        private String nudgeDays = "";
        private String nudgeTime = "";
        private String reminder = "";
        private boolean paused;

        static Form of(Team t) {
            TeamSchedule s = t.schedule();
            Form f = new Form();
            f.language = t.language().code();
            f.timezone = t.timezone().getId();
            f.threshold = String.valueOf(t.threshold());
            f.checkinDays = days(s.checkInDays());
            f.checkinTime = TextFormats.time(s.checkInTime());
            f.summaryDay = day(s.summaryDay());
            f.summaryTime = TextFormats.time(s.summaryTime());
            f.nudgeDays = days(s.nudgeDays());
            f.nudgeTime = TextFormats.time(s.nudgeTime());
            f.reminder = s.reminderDelay().map(TextFormats::duration).orElse("off");
            f.paused = t.paused();
            return f;
        }

        /** The commands that turn the team's settings into this form's. */
        List<EditingTeamSettings.Change> changesFrom(Form current) {
            List<EditingTeamSettings.Change> changes = new ArrayList<>();
            add(changes, current.language, language, "language " + clean(language));
            add(changes, current.timezone, timezone, "timezone " + clean(timezone));
            add(changes, current.threshold, threshold, "threshold " + clean(threshold));
            if (!same(current.checkinDays, checkinDays) || !same(current.checkinTime, checkinTime)) {
                changes.add(new EditingTeamSettings.Change("schedule checkins " + clean(checkinDays).replace(" ", "") + " " + clean(checkinTime)));
            }
            if (!same(current.summaryDay, summaryDay) || !same(current.summaryTime, summaryTime)) {
                changes.add(new EditingTeamSettings.Change("schedule summary " + clean(summaryDay) + " " + clean(summaryTime)));
            }
            if (!same(current.nudgeDays, nudgeDays) || !same(current.nudgeTime, nudgeTime)) {
                changes.add(new EditingTeamSettings.Change("schedule nudges " + clean(nudgeDays).replace(" ", "") + " " + clean(nudgeTime)));
            }
            add(changes, current.reminder, reminder, "reminder " + clean(reminder));
            if (current.paused != paused) {
                changes.add(new EditingTeamSettings.Change(paused ? "pause" : "resume"));
            }
            return changes;
        }

        private static void add(List<EditingTeamSettings.Change> changes, String before, String after, String command) {
            if (!same(before, after)) {
                changes.add(new EditingTeamSettings.Change(command));
            }
        }

        private static boolean same(String a, String b) {
            return clean(a).equalsIgnoreCase(clean(b));
        }

        private static String clean(String s) {
            return Objects.requireNonNullElse(s, "").strip().replaceAll("\\s+", " ");
        }

        private static String days(Collection<DayOfWeek> days) {
            return days.stream().map(SettingsController.Form::day).collect(Collectors.joining(","));
        }

        private static String day(DayOfWeek d) {
            return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
        }

        public String getLanguage() { return language; }
        public void setLanguage(String v) { language = v; }
        public String getTimezone() { return timezone; }
        public void setTimezone(String v) { timezone = v; }
        public String getThreshold() { return threshold; }
        public void setThreshold(String v) { threshold = v; }
        public String getCheckinDays() { return checkinDays; }
        public void setCheckinDays(String v) { checkinDays = v; }
        public String getCheckinTime() { return checkinTime; }
        public void setCheckinTime(String v) { checkinTime = v; }
        public String getSummaryDay() { return summaryDay; }
        public void setSummaryDay(String v) { summaryDay = v; }
        public String getSummaryTime() { return summaryTime; }
        public void setSummaryTime(String v) { summaryTime = v; }
        public String getNudgeDays() { return nudgeDays; }
        public void setNudgeDays(String v) { nudgeDays = v; }
        public String getNudgeTime() { return nudgeTime; }
        public void setNudgeTime(String v) { nudgeTime = v; }
        public String getReminder() { return reminder; }
        public void setReminder(String v) { reminder = v; }
        public boolean isPaused() { return paused; }
        public void setPaused(boolean v) { paused = v; }
    }

    private final ReadingInsights insights;
    private final EditingTeamSettings editing;
    private final SignedIn signedIn;

    SettingsController(ReadingInsights insights, EditingTeamSettings editing, SignedIn signedIn) {
        this.insights = insights;
        this.editing = editing;
        this.signedIn = signedIn;
    }

    @GetMapping("/dashboard/teams/{teamId}/settings")
    String page(@PathVariable long teamId, Authentication auth, Model model) {
        Viewer viewer = signedIn.viewer(auth);
        Team team = adminAccess(viewer, teamId).team();
        model.addAttribute("viewer", viewer);
        model.addAttribute("team", team);
        model.addAttribute("teamId", team.id());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.of(team));
        }
        return "dashboard/settings";
    }

    @PostMapping("/dashboard/teams/{teamId}/settings")
    String save(@PathVariable long teamId, @ModelAttribute("form") Form form, Authentication auth, RedirectAttributes redirect) {
        Viewer viewer = signedIn.viewer(auth);
        Team team = adminAccess(viewer, teamId).team();
        List<EditingTeamSettings.Change> changes = form.changesFrom(Form.of(team));
        EditingTeamSettings.Outcome outcome = editing.apply(viewer, teamId, changes);
        redirect.addFlashAttribute("replies", outcome.replies());
        redirect.addFlashAttribute("nothingChanged", changes.isEmpty());
        return "redirect:/dashboard/teams/" + teamId + "/settings";
    }

    private TeamAccess adminAccess(Viewer viewer, long teamId) {
        TeamAccess access = insights.access(viewer, teamId);
        if (!access.admin()) {
            throw new AdminsOnly(access.team().id(), access.team().name());
        }
        return access;
    }
}
