package app.trustpulse.pulse;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which statements a check-in asks. The six dimensions are split over the week's check-in days
 * (2 or 3 per check-in) in an order that rotates per person and per week, so every person meets all six
 * each week with three or more check-in days, and the load of each dimension is spread across the days.
 * Within a dimension the item asked rotates per person and per week, so every week's answers mix the items
 * evenly. Leaders get the mirrors of the members' items, in the same rotation.
 *
 * <p>TRUST is the exception. Its weekly statement is about felt trust (items 1-3), so that mean is as well answered
 * as any other dimension's. Trust in the leader (items 4-6) is asked of each member once per four-week block, in the
 * TRUST place of the week the {@link TrustInLeaderPool#poolWeeks pool week} gives them; the pool weeks spread the team
 * evenly over the block, so each week loses at most a quarter of its felt-trust answers. Leaders always get the
 * felt-trust mirror, so their self-check on TRUST has a weekly team mean beside it.
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
     * @param poolWeek  the member's week (0-3) of each four-week block for the trust-in-the-leader statement; a
     *                  leader's is ignored
     * @param slot      the check-in's place in the week, 0-based
     */
    public List<StatementRef> plan(
            Role audience, long personKey, int poolWeek, WeekId week, int slot, int checkInsPerWeek) {
        int per = statementsPerCheckIn(checkInsPerWeek);
        List<Dimension> order = rotation(personKey, week, checkInsPerWeek, per);
        int askedPoolWeek = poolWeek;
        int inBlock = TrustInLeaderPool.weekInBlock(week);
        if (per * checkInsPerWeek < 6 && (inBlock | 1) == (poolWeek | 1)) {
            // Fewer than six statements a week: TRUST comes every other week, so exactly one week of the pool week's
            // pair (weeks 0-1 or 2-3 of the block) has it, and that one asks about the leader.
            askedPoolWeek = inBlock;
        }
        List<StatementRef> result = new ArrayList<>(per);
        for (int i = 0; i < per; i++) {
            Dimension d = order.get(Math.floorMod(slot * per + i, order.size()));
            result.add(StatementRef.current(d, audience, itemOf(audience, d, personKey, askedPoolWeek, week)));
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
    public static int itemOf(Role audience, Dimension d, long personKey, int poolWeek, WeekId week) {
        if (d != Dimension.TRUST) {
            return (int) Math.floorMod(week.ordinal() + personKey + d.ordinal(), (long) Instrument.items(d)) + 1;
        }
        int felt = LeaderItems.FIRST_TRUST_IN_LEADER_ITEM - 1;
        int inLeader = Instrument.items(Dimension.TRUST) - felt;
        if (audience == Role.MEMBER && TrustInLeaderPool.weekInBlock(week) == poolWeek) {
            long block = Math.floorDiv(week.ordinal(), (long) TrustInLeaderPool.WEEKS);
            return LeaderItems.FIRST_TRUST_IN_LEADER_ITEM + (int) Math.floorMod(block + personKey, (long) inLeader);
        }
        return (int) Math.floorMod(week.ordinal() + personKey + d.ordinal(), (long) felt) + 1;
    }
}
