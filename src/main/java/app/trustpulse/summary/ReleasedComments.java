package app.trustpulse.summary;

import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.pulse.AnonymityPolicy;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.Texts;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The comments a closed week releases to its leaders: members' comments, only when at least the threshold of different
 * people commented (those added to the team this week not counted), with names removed, in random order. Decided once,
 * at the close, as the answers they came with are destroyed then.
 */
final class ReleasedComments {

    private final TextScrubber scrubber;
    private final Texts texts;
    private final SecureRandom random = new SecureRandom();

    ReleasedComments(TextScrubber scrubber, Texts texts) {
        this.scrubber = scrubber;
        this.texts = texts;
    }

    List<String> of(Team team, List<Answer> weekAnswers, List<Member> people) {
        List<Answer> withComment = weekAnswers.stream()
                .filter(a -> a.respondent() == Role.MEMBER
                        && a.counts()
                        && a.comment().isPresent())
                .toList();
        if (!AnonymityPolicy.mayShow(
                team, withComment.stream().map(Answer::pseudonym).distinct().count())) {
            return List.of();
        }
        List<String> names = people.stream().map(Member::displayName).toList();
        List<String> comments = new ArrayList<>();
        for (Answer a : withComment) {
            comments.add(texts.dimensionName(team.language(), a.dimension()) + ": "
                    + scrubber.scrub(a.comment().get(), names));
        }
        Collections.shuffle(comments, random);
        return comments;
    }
}
