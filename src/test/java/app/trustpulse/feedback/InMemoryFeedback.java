package app.trustpulse.feedback;

import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Feedback kept in a list, for the tests of the feedback use cases. */
final class InMemoryFeedback implements FeedbackRepository {
    private final List<Feedback> all = new ArrayList<>();

    public long add(Feedback f) {
        long id = all.size() + 1;
        all.add(new Feedback(id, f.teamId(), f.week(), f.pseudonym(), f.text(), f.releasedIn()));
        return id;
    }

    private final java.util.Set<String> tokens = new java.util.HashSet<>();

    public java.util.OptionalLong addOnce(Feedback f, String onceToken) {
        return tokens.add(f.teamId() + ":" + onceToken)
                ? java.util.OptionalLong.of(add(f))
                : java.util.OptionalLong.empty();
    }

    public List<Feedback> releasedIn(long teamId, WeekId week) {
        return all.stream()
                .filter(f -> f.teamId() == teamId && f.releasedIn().equals(Optional.of(week)))
                .toList();
    }

    public List<Feedback> pending(long teamId) {
        return all.stream()
                .filter(f -> f.teamId() == teamId && f.releasedIn().isEmpty())
                .toList();
    }

    public void markReleased(Collection<Long> ids, WeekId week) {
        all.replaceAll(f -> ids.contains(f.id())
                ? new Feedback(f.id(), f.teamId(), f.week(), f.pseudonym(), f.text(), Optional.of(week))
                : f);
    }

    public int dropPendingBefore(long teamId, WeekId cutoff) {
        int before = all.size();
        all.removeIf(f -> f.releasedIn().isEmpty() && f.week().compareTo(cutoff) < 0);
        return before - all.size();
    }

    public List<Feedback> ofPseudonym(long teamId, String pseudonym) {
        return all.stream().filter(f -> f.pseudonym().equals(pseudonym)).toList();
    }

    public int deleteOfPseudonym(long teamId, String pseudonym) {
        int before = all.size();
        all.removeIf(f -> f.pseudonym().equals(pseudonym));
        return before - all.size();
    }

    public Optional<Feedback> find(long teamId, long id) {
        return all.stream().filter(f -> f.teamId() == teamId && f.id() == id).findFirst();
    }

    public List<Feedback> releasedSince(long teamId, WeekId from) {
        return all.stream()
                .filter(f -> f.teamId() == teamId
                        && f.releasedIn().filter(w -> w.compareTo(from) >= 0).isPresent())
                .toList();
    }
}
