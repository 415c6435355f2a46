package app.trustpulse.playground;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The playground's JSON API, used by its page. Every change answers with the new state; a bad request
 * answers 400 (409 for a demo that already exists) with {@code error} and a readable {@code message}.
 */
@RestController
@RequestMapping("/playground/api")
@Conditional(PlaygroundSwitch.class)
class PlaygroundApiController {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundApiController.class);

    private final Playground playground;
    private final PlaygroundCoaching coaching;
    private final PlaygroundTexts texts;
    private final PlayingTheWeek playing;
    private final PlaygroundCalendar calendar;
    private final Clock clock;

    PlaygroundApiController(
            Playground playground,
            PlaygroundCoaching coaching,
            PlaygroundTexts texts,
            PlayingTheWeek playing,
            PlaygroundCalendar calendar,
            Clock clock) {
        this.playground = playground;
        this.coaching = coaching;
        this.texts = texts;
        this.playing = playing;
        this.calendar = calendar;
        this.clock = clock;
    }

    record SimulateRequest(Integer weeks) {}

    record DemoRequest(String language) {}

    record SayRequest(String as, String where, String channel, String text) {}

    record ActionRequest(String as, Long messageId, String action, String input) {}

    record PersonRequest(String name, String timezone, Boolean admin) {}

    record ChannelRequest(String as, String channel) {}

    record Problem(String error, String message) {}

    /** The page asks every moment or two, so a week moved on by another instance is taken over here. */
    @GetMapping("/state")
    PlaygroundState currentState() {
        calendar.sync();
        return state();
    }

    @GetMapping("/labels")
    Map<String, String> labels(@RequestParam(name = "lang", defaultValue = "en") String lang) {
        return texts.all(language(lang));
    }

    @PostMapping("/demo")
    PlaygroundState demo(@RequestBody(required = false) DemoRequest request) {
        String lang = request == null || request.language() == null ? "en" : request.language();
        playground.createDemo(language(lang));
        return state();
    }

    @PostMapping("/say")
    PlaygroundState say(@RequestBody SayRequest request) {
        playground.say(request.as(), request.where(), request.channel(), request.text());
        return state();
    }

    @PostMapping("/action")
    PlaygroundState action(@RequestBody ActionRequest request) {
        playground.click(request.as(), request.messageId(), request.action(), request.input());
        return state();
    }

    /** How Slack or Teams would get a message: {"platform": "slack", "json": "..."}. */
    @GetMapping("/preview")
    Map<String, String> preview(@RequestParam("message") long messageId, @RequestParam("platform") String platform) {
        return Map.of("platform", platform, "json", playground.preview(messageId, platform));
    }

    /** Starts over: no people, no messages, no demo team. */
    @PostMapping("/reset")
    PlaygroundState reset() {
        playground.reset();
        calendar.today();
        return state();
    }

    /** Every check-in of this week to everyone who has not had it: all six dimensions for each person. */
    @PostMapping("/week/send")
    PlaygroundState sendWholeWeek() {
        playing.sendWholeWeek();
        return state();
    }

    /** Made-up answers (for the demo only) for every statement of this week nobody answered yet. */
    @PostMapping("/week/answer")
    PlaygroundState answerForEveryone() {
        playing.answerForEveryone();
        return state();
    }

    /** Closes this week if it is still open and moves the playground on to the next one. */
    @PostMapping("/week/next")
    PlaygroundState nextWeek() {
        playing.nextWeek();
        return state();
    }

    /** The leaders' mid-week nudge round, now. */
    @PostMapping("/nudges")
    PlaygroundState nudges() {
        coaching.nudgeLeadersNow();
        return state();
    }

    /** Past weeks with made-up answers for the demo team, closed one by one, then a quarterly review. */
    @PostMapping("/simulate")
    PlaygroundState simulate(@RequestBody(required = false) SimulateRequest request) {
        coaching.simulate(request == null ? null : request.weeks());
        return state();
    }

    @PostMapping("/people")
    PlaygroundState addPerson(@RequestBody PersonRequest request) {
        playground.addPerson(request.name(), request.timezone(), Boolean.TRUE.equals(request.admin()));
        return state();
    }

    @PostMapping("/channel/join")
    PlaygroundState join(@RequestBody ChannelRequest request) {
        playground.join(request.as(), request.channel());
        return state();
    }

    @PostMapping("/channel/leave")
    PlaygroundState leave(@RequestBody ChannelRequest request) {
        playground.leave(request.as(), request.channel());
        return state();
    }

    private PlaygroundState state() {
        WeekId week = WeekId.of(clock.instant(), coaching.demoTimezone());
        return playground
                .state()
                .withWeek(new PlaygroundState.WeekView(
                        week.toString(),
                        week.week(),
                        week.monday().toString(),
                        calendar.weeksAhead(),
                        calendar.movable()));
    }

    @ExceptionHandler(PlaygroundRequestException.class)
    ResponseEntity<Problem> refused(PlaygroundRequestException e, WebRequest request) {
        return problem(e.status(), e.key(), request, e.args());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Problem> unreadable(Exception e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "playground.error.malformed", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> failed(Exception e, WebRequest request) {
        LOG.error("playground request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "playground.error.internal", request);
    }

    private ResponseEntity<Problem> problem(HttpStatus status, String key, WebRequest request, Object... args) {
        Language language = fromHeader(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String error = key.substring(key.lastIndexOf('.') + 1);
        return ResponseEntity.status(status).body(new Problem(error, texts.get(language, key, args)));
    }

    private static Language language(String code) {
        return Language.lookup(code)
                .orElseThrow(() -> new PlaygroundRequestException("playground.error.bad-language", code));
    }

    private static Language fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange();
                Optional<Language> found = Language.lookup(tag.length() > 2 ? tag.substring(0, 2) : tag);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        } catch (IllegalArgumentException e) {
            return Language.EN;
        }
        return Language.EN;
    }
}
