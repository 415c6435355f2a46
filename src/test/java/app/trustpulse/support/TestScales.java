package app.trustpulse.support;

import app.trustpulse.chat.Block;
import java.util.List;

/** The scale choices a check-in shows in English, for tests of the renderers. */
public final class TestScales {

    private TestScales() {}

    public static List<Block.Choice> agreement() {
        return List.of(
                new Block.Choice("1", "1 · Strongly disagree"),
                new Block.Choice("2", "2 · Disagree"),
                new Block.Choice("3", "3 · Neither agree nor disagree"),
                new Block.Choice("4", "4 · Agree"),
                new Block.Choice("5", "5 · Strongly agree"),
                new Block.Choice("?", "Can't say"));
    }
}
