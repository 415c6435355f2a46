package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The nudges and reflection questions, per language, from {@code nudges/<lang>/nudges.yml}. */
public final class NudgeCatalog {

    public static final String DISRUPTION = "DISRUPTION";

    private final Map<Language, Map<String, Nudge>> byLanguage = new EnumMap<>(Language.class);

    NudgeCatalog() {
        for (Language language : Language.values()) {
            byLanguage.put(language, load("nudges/" + language.code() + "/nudges.yml"));
        }
    }

    public List<Nudge> all(Language language) {
        return List.copyOf(byLanguage.get(language).values());
    }

    public Optional<Nudge> find(Language language, String id) {
        return Optional.ofNullable(byLanguage.get(language).get(id));
    }

    public List<Nudge> leaderNudges(Language language, Dimension dimension) {
        return select(language, Nudge.Audience.LEADER, Optional.of(dimension));
    }

    public List<Nudge> disruptionNudges(Language language) {
        return select(language, Nudge.Audience.LEADER, Optional.empty());
    }

    public List<Nudge> reflectionQuestions(Language language, Dimension dimension) {
        return select(language, Nudge.Audience.TEAM, Optional.of(dimension));
    }

    private List<Nudge> select(Language language, Nudge.Audience audience, Optional<Dimension> dimension) {
        return byLanguage.get(language).values().stream()
                .filter(n -> n.audience() == audience && n.dimension().equals(dimension))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Nudge> load(String resource) {
        try (InputStream in = NudgeCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("nudge catalog missing: " + resource);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("nudges");
            Map<String, Nudge> nudges = new LinkedHashMap<>();
            for (Map<String, Object> e : entries) {
                Nudge n = toNudge(e, resource);
                if (nudges.put(n.id(), n) != null) {
                    throw new IllegalStateException(resource + ": duplicate nudge id " + n.id());
                }
            }
            return Collections.unmodifiableMap(nudges);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Nudge toNudge(Map<String, Object> e, String resource) {
        String id = required(e, "id", resource);
        String dim = required(e, "dimension", resource);
        Optional<Dimension> dimension = DISRUPTION.equals(dim) ? Optional.empty() : Optional.of(Dimension.valueOf(dim));
        return new Nudge(
                id,
                dimension,
                Nudge.Audience.valueOf(required(e, "audience", resource)),
                required(e, "text", resource),
                required(e, "why", resource),
                required(e, "source", resource));
    }

    private static String required(Map<String, Object> e, String field, String resource) {
        Object v = e.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException(resource + ": entry " + e.get("id") + " lacks " + field);
        }
        return v.toString().trim();
    }

    /** Catalog entries of a list, rotated so that successive weeks start at a different entry. */
    static <T> List<T> rotated(List<T> list, long by) {
        if (list.isEmpty()) {
            return list;
        }
        List<T> copy = new ArrayList<>(list);
        Collections.rotate(copy, (int) -Math.floorMod(by, (long) list.size()));
        return copy;
    }
}
