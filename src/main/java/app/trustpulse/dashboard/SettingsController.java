package app.trustpulse.dashboard;

import app.trustpulse.insight.Insights;
import app.trustpulse.insight.TeamAccess;
import app.trustpulse.insight.Viewer;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The form's controls (day boxes, time fields, lists) only make the right values easy to pick; the command's
 * checks stay the only ones that count.
 */
@Controller
class SettingsController {

    /** The days in the words the commands take, Monday first. */
    static final List<String> DAY_CODES =
            Arrays.stream(DayOfWeek.values()).map(SettingsController::code).toList();

    /** The form, in the words the commands take: days as "mon", "wed", times as "09:30", a reminder as "4h" or "off". */
    public static final class Form {
        private String language = "";
        private String timezone = "";
        private String threshold = "";
        private List<String> checkinDays = new ArrayList<>();
        private String checkinTime = "";
        private String summaryDay = "";
        private String summaryTime = "";
        private List<String> nudgeDays = new ArrayList<>();
        private String nudgeTime = "";
        private String reminder = "";
        private boolean paused;

        static Form of(Team t) {
            TeamSchedule s = t.schedule();
            Form f = new Form();
            f.language = t.language().code();
            f.timezone = t.timezone().getId();
            f.threshold = String.valueOf(t.threshold());
            f.checkinDays = codes(s.checkInDays());
            f.checkinTime = TextFormats.time(s.checkInTime());
            f.summaryDay = code(s.summaryDay());
            f.summaryTime = TextFormats.time(s.summaryTime());
            f.nudgeDays = codes(s.nudgeDays());
            f.nudgeTime = TextFormats.time(s.nudgeTime());
            f.reminder = s.reminderDelay().map(TextFormats::duration).orElse("off");
            f.paused = t.paused();
            return f;
        }

        /** The commands that turn the team's settings into this form's, each with the setting it changes. */
        List<Pending> changesFrom(Form current) {
            List<Pending> changes = new ArrayList<>();
            for (Setting s : Setting.values()) {
                if (!s.same(current, this)) {
                    changes.add(new Pending(s, new Insights.SettingChange(s.command(this))));
                }
            }
            return changes;
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String v) {
            language = v;
        }

        public String getTimezone() {
            return timezone;
        }

        public void setTimezone(String v) {
            timezone = v;
        }

        public String getThreshold() {
            return threshold;
        }

        public void setThreshold(String v) {
            threshold = v;
        }

        public List<String> getCheckinDays() {
            return checkinDays;
        }

        public void setCheckinDays(List<String> v) {
            checkinDays = v == null ? new ArrayList<>() : new ArrayList<>(v);
        }

        public String getCheckinTime() {
            return checkinTime;
        }

        public void setCheckinTime(String v) {
            checkinTime = v;
        }

        public String getSummaryDay() {
            return summaryDay;
        }

        public void setSummaryDay(String v) {
            summaryDay = v;
        }

        public String getSummaryTime() {
            return summaryTime;
        }

        public void setSummaryTime(String v) {
            summaryTime = v;
        }

        public List<String> getNudgeDays() {
            return nudgeDays;
        }

        public void setNudgeDays(List<String> v) {
            nudgeDays = v == null ? new ArrayList<>() : new ArrayList<>(v);
        }

        public String getNudgeTime() {
            return nudgeTime;
        }

        public void setNudgeTime(String v) {
            nudgeTime = v;
        }

        public String getReminder() {
            return reminder;
        }

        public void setReminder(String v) {
            reminder = v;
        }

        public boolean isPaused() {
            return paused;
        }

        public void setPaused(boolean v) {
            paused = v;
        }
    }

    /** One setting of the form: what it reads in the command's words, and the command that sets it. */
    enum Setting {
        LANGUAGE("language", "dashboard.settings.language") {
            String value(Form f) {
                return clean(f.language);
            }

            String command(Form f) {
                return "language " + value(f);
            }
        },
        TIMEZONE("timezone", "dashboard.settings.timezone") {
            String value(Form f) {
                return clean(f.timezone);
            }

            String command(Form f) {
                return "timezone " + value(f);
            }
        },
        THRESHOLD("threshold", "dashboard.settings.threshold") {
            String value(Form f) {
                return clean(f.threshold);
            }

            String command(Form f) {
                return "threshold " + value(f);
            }
        },
        CHECKINS("checkins", "dashboard.settings.checkins") {
            String value(Form f) {
                return days(f.checkinDays) + " " + clean(f.checkinTime);
            }

            String command(Form f) {
                return "schedule checkins " + value(f);
            }
        },
        SUMMARY("summary", "dashboard.settings.summary") {
            String value(Form f) {
                return clean(f.summaryDay) + " " + clean(f.summaryTime);
            }

            String command(Form f) {
                return "schedule summary " + value(f);
            }
        },
        NUDGES("nudges", "dashboard.settings.nudges") {
            String value(Form f) {
                return days(f.nudgeDays) + " " + clean(f.nudgeTime);
            }

            String command(Form f) {
                return "schedule nudges " + value(f);
            }
        },
        REMINDER("reminder", "dashboard.settings.reminder") {
            String value(Form f) {
                return clean(f.reminder);
            }

            String command(Form f) {
                return "reminder " + value(f);
            }
        },
        PAUSED("paused", "dashboard.settings.pausedLabel") {
            String value(Form f) {
                return String.valueOf(f.paused);
            }

            String command(Form f) {
                return f.paused ? "pause" : "resume";
            }
        };

        final String field;
        final String labelKey;

        Setting(String field, String labelKey) {
            this.field = field;
            this.labelKey = labelKey;
        }

        abstract String value(Form f);

        abstract String command(Form f);

        boolean same(Form a, Form b) {
            return clean(value(a)).equalsIgnoreCase(clean(value(b)));
        }

        String rightFormKey() {
            return "dashboard.settings.right." + field;
        }
    }

    /** A change about to run: the setting and its command. */
    record Pending(Setting setting, Insights.SettingChange change) {}

    /**
     * What became of one change: the setting's name, the command's answer, whether it took, and if not the right
     * form.
     */
    public record Result(String field, String label, String reply, boolean ok, String rightForm) {}

    private final Insights insights;
    private final SignedIn signedIn;
    private final Texts texts;

    SettingsController(Insights insights, SignedIn signedIn, Texts texts) {
        this.insights = insights;
        this.signedIn = signedIn;
        this.texts = texts;
    }

    @GetMapping("/dashboard/teams/{teamId}/settings")
    String page(@PathVariable long teamId, Authentication auth, Model model) {
        Viewer viewer = signedIn.viewer(auth);
        Team team = adminAccess(viewer, teamId).team();
        Language lang = PageLanguage.current();
        model.addAttribute("viewer", viewer);
        model.addAttribute("team", team);
        model.addAttribute("teamId", team.id());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.of(team));
        }
        Form form = (Form) model.getAttribute("form");
        SettingsChoices choices = new SettingsChoices(texts, lang);
        model.addAttribute("days", choices.days());
        model.addAttribute("languages", choices.languages(form.getLanguage()));
        model.addAttribute("zoneGroups", choices.timezones(form.getTimezone()));
        model.addAttribute("reminders", choices.reminders(form.getReminder()));
        model.addAttribute("earliest", TextFormats.time(TeamSchedule.EARLIEST_PROMPT));
        model.addAttribute("latest", TextFormats.time(TeamSchedule.LATEST_PROMPT));
        return "dashboard/settings";
    }

    @PostMapping("/dashboard/teams/{teamId}/settings")
    String save(
            @PathVariable long teamId,
            @ModelAttribute("form") Form form,
            Authentication auth,
            RedirectAttributes redirect) {
        Viewer viewer = signedIn.viewer(auth);
        Team team = adminAccess(viewer, teamId).team();
        Language lang = PageLanguage.current();
        Form before = Form.of(team);
        List<Pending> changes = form.changesFrom(before);
        Insights.SettingsOutcome outcome = insights.changeSettings(
                viewer, teamId, changes.stream().map(Pending::change).toList());
        // A change took when its setting reads differently now: the command refuses a bad value and changes nothing.
        Form after = Form.of(insights.access(viewer, teamId).team());
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Setting s = changes.get(i).setting();
            boolean ok = !s.same(before, after);
            String reply = i < outcome.replies().size() ? outcome.replies().get(i) : "";
            results.add(new Result(
                    s.field,
                    texts.get(lang, s.labelKey),
                    reply,
                    ok,
                    ok
                            ? ""
                            : texts.get(
                                    lang,
                                    s.rightFormKey(),
                                    TextFormats.time(TeamSchedule.EARLIEST_PROMPT),
                                    TextFormats.time(TeamSchedule.LATEST_PROMPT))));
        }
        List<Result> failed = results.stream().filter(r -> !r.ok()).toList();
        redirect.addFlashAttribute("saved", results.stream().filter(Result::ok).toList());
        redirect.addFlashAttribute("failed", failed);
        redirect.addFlashAttribute("nothingChanged", changes.isEmpty());
        redirect.addFlashAttribute("invalid", failed.stream().map(Result::field).toList());
        if (!failed.isEmpty()) {
            // What was entered stays in the form, so the admin corrects it instead of starting over.
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/dashboard/teams/" + teamId + "/settings";
    }

    private TeamAccess adminAccess(Viewer viewer, long teamId) {
        TeamAccess access = insights.access(viewer, teamId);
        if (!access.admin()) {
            throw new AdminsOnly(access.team().id(), access.team().name());
        }
        return access;
    }

    /** Days in the commands' order, Monday first, joined as "mon,wed"; words the form did not offer stay as sent. */
    static String days(Collection<String> days) {
        return days.stream()
                .map(SettingsController::clean)
                .filter(d -> !d.isEmpty())
                .map(d -> d.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted((a, b) -> Integer.compare(order(a), order(b)))
                .collect(Collectors.joining(","))
                .replace(" ", "");
    }

    private static int order(String day) {
        int i = DAY_CODES.indexOf(day);
        return i < 0 ? DAY_CODES.size() : i;
    }

    static String clean(String s) {
        return Objects.requireNonNullElse(s, "").strip().replaceAll("\\s+", " ");
    }

    private static List<String> codes(Collection<DayOfWeek> days) {
        return days.stream().sorted().map(SettingsController::code).collect(Collectors.toCollection(ArrayList::new));
    }

    static String code(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
