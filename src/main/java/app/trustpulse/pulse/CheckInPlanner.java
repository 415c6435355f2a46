package app.trustpulse.pulse;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which statements a check-in asks. The six dimensions are split over the week's check-in days
 * (2 or 3 per check-in) in an order that rotates per person and per week, so every person meets all six
 * each week with three or more check-in days, and the load of each dimension is spread across the days.
 * Within a dimension the item asked rotates per person and per week, so every week's answers mix the items
 * evenly. Leaders get the mirrors of the members' items, in the same rotation.
 */
public final class CheckInPlanner {

    static final int MIN_PER_CHECK_IN = 2;
    static final int MAX_PER_CHECK_IN = 3;
    /** Plans the current questionnaire; only {@link PulseModule} makes one. */
    CheckInPlanner() {}

    public static int statementsPerCheckIn(int checkInsPerWeek) {
        int per = (int) Math.ceil(6.0 / Math.max(1, checkInsPerWeek));
        return Math.max(MIN_PER_CHECK_IN, Math.min(MAX_PER_CHECK_IN, per));
    }

    /**
     * @param personKey a stable number for the person in the team (e.g. a hash), so people differ in order
     * @param slot      the check-in's place in the week, 0-based
     */
    public List<StatementRef> plan(Role audience, long personKey, WeekId week, int slot, int checkInsPerWeek) {
        int per = statementsPerCheckIn(checkInsPerWeek);
        List<Dimension> order = rotation(personKey, week, checkInsPerWeek, per);
        List<StatementRef> result = new ArrayList<>(per);
        for (int i = 0; i < per; i++) {
            Dimension d = order.get(Math.floorMod(slot * per + i, order.size()));
            result.add(StatementRef.current(d, audience, item(d, personKey, week)));
        }
        return result;
    }

    private List<Dimension> rotation(long personKey, WeekId week, int checkInsPerWeek, int per) {
        int perWeek = per * checkInsPerWeek;
        // With fewer than six statements a week, each week continues where the last one stopped,
        // so the uncovered dimensions come first next week.
        long weekShift = perWeek >= 6 ? week.ordinal() : week.ordinal() * perWeek;
        int offset = (int) Math.floorMod(personKey + weekShift, 6L);
        List<Dimension> all = Dimension.inModelOrder();
        List<Dimension> order = new ArrayList<>(6);
        for (int i = 0; i < 6; i++) {
            order.add(all.get((offset + i) % 6));
        }
        return order;
    }

    /** The item of a dimension the person is asked in a week, in every check-in of that week. */
    public static int itemOf(Dimension d, long personKey, WeekId week) {
        return item(d, personKey, week);
    }

    private static int item(Dimension d, long personKey, WeekId week) {
        int items = Instrument.items(d);
        return (int) Math.floorMod(week.ordinal() + personKey + d.ordinal(), (long) items) + 1;
    }
}
