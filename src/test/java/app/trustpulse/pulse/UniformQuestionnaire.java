package app.trustpulse.pulse;

/**
 * A planner for a questionnaire with the same number of items in every dimension, which the application never asks:
 * simulations use it to know which item each person met without repeating the current questionnaire's counts.
 */
public final class UniformQuestionnaire {

    private UniformQuestionnaire() {}

    public static CheckInPlanner planner(int itemsPerDimension) {
        return new CheckInPlanner(itemsPerDimension);
    }
}
