package app.trustpulse.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a pulse chart with JFreeChart: a bar per dimension for this week (1 to 5) with its value inside the bar's top,
 * a dash beside the bar at the average of the weeks before, and the word "withheld" where a dimension has too few
 * answers (never a bar or a number). Dimension names wrap between words only; a single word too long for its column
 * is set smaller rather than broken.
 */
class ChartDrawing {

    static final int WIDTH = 900;
    static final int HEIGHT = 460;
    private static final Color BAR = new Color(0x2f5bd3);
    private static final Color TREND = new Color(0xc2410c);
    private static final Color WITHHELD = new Color(0x8a5a00);
    private static final Color TITLE = new Color(0x1d2433);
    private static final Color GRID = new Color(0xdde2ea);
    /** The trend dash: its length, and the gap between it and the bar it stands beside. */
    private static final double MARKER_LENGTH = 22;

    private static final double MARKER_GAP = 3;

    /**
     * How large a chart is drawn: full size for an image fetched from an address or uploaded, compact (smaller, fewer
     * colours) for one carried inside a message, where every byte counts.
     */
    enum Size {
        REGULAR(WIDTH, HEIGHT, 1.0f),
        COMPACT(600, 320, 0.75f);

        final int width;
        final int height;
        final float scale;

        Size(int width, int height, float scale) {
            this.width = width;
            this.height = height;
            this.scale = scale;
        }
    }

    byte[] png(ChartData data) {
        return png(data, Size.REGULAR);
    }

    byte[] png(ChartData data, Size size) {
        BufferedImage image = chart(data, size).createBufferedImage(size.width, size.height);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (size == Size.COMPACT) {
                ImageIO.write(indexed(image), "png", out);
            } else {
                ChartUtils.writeBufferedImageAsPNG(out, image);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The picture in the chart's own colours (each blended with white in steps, and greys), which a PNG keeps in a
     * fraction of the bytes. Every pixel takes the nearest of them, without dithering, so flat areas stay flat.
     */
    private static BufferedImage indexed(BufferedImage image) {
        List<Color> palette = new ArrayList<>();
        for (Color c : List.of(BAR, TREND, WITHHELD, TITLE, GRID, Color.BLACK)) {
            for (int step = 0; step < 16; step++) {
                double f = step / 15.0;
                palette.add(new Color(blend(c.getRed(), f), blend(c.getGreen(), f), blend(c.getBlue(), f)));
            }
        }
        for (int grey = 0; grey < 32; grey++) {
            int v = grey * 255 / 31;
            palette.add(new Color(v, v, v));
        }
        byte[] r = new byte[palette.size()];
        byte[] g = new byte[palette.size()];
        byte[] b = new byte[palette.size()];
        for (int i = 0; i < palette.size(); i++) {
            r[i] = (byte) palette.get(i).getRed();
            g[i] = (byte) palette.get(i).getGreen();
            b[i] = (byte) palette.get(i).getBlue();
        }
        IndexColorModel model = new IndexColorModel(8, palette.size(), r, g, b);
        BufferedImage out =
                new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, model);
        java.util.Map<Integer, Integer> nearest = new java.util.HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                out.getRaster().setSample(x, y, 0, nearest.computeIfAbsent(rgb, c -> nearestIndex(c, palette)));
            }
        }
        return out;
    }

    private static int blend(int channel, double towardsWhite) {
        return (int) Math.round(channel + (255 - channel) * towardsWhite);
    }

    private static int nearestIndex(int rgb, List<Color> palette) {
        int red = rgb >> 16 & 0xff;
        int green = rgb >> 8 & 0xff;
        int blue = rgb & 0xff;
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.size(); i++) {
            Color c = palette.get(i);
            long d = sq(c.getRed() - red) + sq(c.getGreen() - green) + sq(c.getBlue() - blue);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static long sq(int v) {
        return (long) v * v;
    }

    /** The chart, before it becomes pixels; with {@link ChartRenderingInfo} a test can see where the bars went. */
    JFreeChart chart(ChartData data, Size size) {
        DefaultCategoryDataset week = new DefaultCategoryDataset();
        DefaultCategoryDataset trend = new DefaultCategoryDataset();
        for (ChartData.Bar bar : data.bars()) {
            week.addValue(
                    bar.thisWeek().isPresent() ? bar.thisWeek().getAsDouble() : null,
                    data.thisWeekLegend(),
                    bar.dimension());
            trend.addValue(
                    bar.trend().isPresent() ? bar.trend().getAsDouble() : null, data.trendLegend(), bar.dimension());
        }
        NumberFormat oneDecimal = NumberFormat.getNumberInstance(data.locale());
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
        float scale = size.scale;

        MeasuredBars bars = new MeasuredBars();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setBase(1.0);
        bars.setMaximumBarWidth(0.08);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", oneDecimal));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(15 * scale)));
        bars.setDefaultItemLabelPaint(Color.WHITE);
        // Inside the bar's top; the trend dash stands beside the bar, so it never covers the number.
        bars.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.INSIDE12, TextAnchor.TOP_CENTER));

        List<Boolean> hasBar =
                data.bars().stream().map(b -> b.thisWeek().isPresent()).toList();
        TrendMarkers markers = new TrendMarkers(bars, hasBar);
        markers.setSeriesPaint(0, TREND);
        markers.setSeriesStroke(0, new BasicStroke(2f));
        markers.setLegendShape(0, new Rectangle2D.Double(-MARKER_LENGTH / 2, -2.5, MARKER_LENGTH, 5));

        CategoryAxis dimensions = new WordWrappingAxis(Math.round(9 * scale));
        dimensions.setMaximumCategoryLabelLines(2);
        // narrow bars in wide columns: room for the dash beside each bar and for long names below it
        dimensions.setCategoryMargin(0.05);
        dimensions.setLowerMargin(0.02);
        dimensions.setUpperMargin(0.02);
        dimensions.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(13 * scale)));
        NumberAxis scores = new NumberAxis(data.axisLabel());
        scores.setRange(1.0, 5.4);
        scores.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        scores.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * scale)));
        scores.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * scale)));

        CategoryPlot plot = new CategoryPlot(week, dimensions, scores, bars);
        plot.setDataset(1, trend);
        plot.setRenderer(1, markers);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        for (ChartData.Bar bar : data.bars()) {
            if (bar.thisWeek().isEmpty()) {
                CategoryTextAnnotation note = new CategoryTextAnnotation(data.withheldLabel(), bar.dimension(), 1.35);
                note.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, Math.round(14 * scale)));
                note.setPaint(WITHHELD);
                note.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(note);
            }
        }
        JFreeChart chart =
                new JFreeChart(data.title(), new Font(Font.SANS_SERIF, Font.BOLD, Math.round(18 * scale)), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * scale)));
        ((TextTitle) chart.getTitle()).setPaint(TITLE);
        return chart;
    }

    /**
     * The trend dash of a column: beside the bar, just right of it, where it cannot cover the bar or its value; across
     * the middle of the column where there is no bar (a withheld week).
     */
    static Shape markerShape(double barWidth, boolean besideABar) {
        return besideABar
                ? new Rectangle2D.Double(barWidth / 2 + MARKER_GAP, -2.5, MARKER_LENGTH, 5)
                : new Rectangle2D.Double(-MARKER_LENGTH, -2.5, 2 * MARKER_LENGTH, 5);
    }

    /** Bars that remember how wide they were drawn, for the trend dashes beside them. */
    private static final class MeasuredBars extends BarRenderer {

        private double barWidth = 60;

        @Override
        protected void calculateBarWidth(
                CategoryPlot plot, Rectangle2D dataArea, int rendererIndex, CategoryItemRendererState state) {
            super.calculateBarWidth(plot, dataArea, rendererIndex, state);
            barWidth = state.getBarWidth();
        }
    }

    /** Trend dashes, drawn after the bars (whose width they then know), each beside its column's bar. */
    private static final class TrendMarkers extends LineAndShapeRenderer {

        private final MeasuredBars bars;
        private final List<Boolean> hasBar;

        TrendMarkers(MeasuredBars bars, List<Boolean> hasBar) {
            super(false, true);
            this.bars = bars;
            this.hasBar = hasBar;
        }

        @Override
        public Shape getItemShape(int row, int column) {
            return markerShape(bars.barWidth, column < hasBar.size() && hasBar.get(column));
        }
    }

    /** Category labels that wrap between words only; a word wider than its column is set in a smaller font. */
    private static final class WordWrappingAxis extends CategoryAxis {

        private final int smallestFont;

        WordWrappingAxis(int smallestFont) {
            this.smallestFont = smallestFont;
        }

        @Override
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            Font font = getTickLabelFont(category);
            String label = category.toString();
            while (font.getSize() > smallestFont && widestWord(label, g2.getFontMetrics(font)) > width) {
                font = font.deriveFont((float) font.getSize() - 1);
            }
            FontMetrics metrics = g2.getFontMetrics(font);
            TextBlock block = new TextBlock();
            block.setLineAlignment(HorizontalAlignment.CENTER);
            for (String line : wrap(label, width, metrics::stringWidth, getMaximumCategoryLabelLines())) {
                block.addLine(new TextLine(line, font, getTickLabelPaint(category)));
            }
            return block;
        }

        private static int widestWord(String label, FontMetrics metrics) {
            int widest = 0;
            for (String word : label.trim().split("\\s+")) {
                widest = Math.max(widest, metrics.stringWidth(word));
            }
            return widest;
        }
    }

    /**
     * Breaks a label into lines no wider than {@code width}, between words only: a word never breaks, even when it
     * is wider than a line on its own. The last of {@code maxLines} lines takes whatever words are left.
     */
    static List<String> wrap(String label, double width, ToDoubleFunction<String> measure, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.trim().split("\\s+")) {
            if (line.isEmpty()) {
                line.append(word);
            } else if (lines.size() < maxLines - 1 && measure.applyAsDouble(line + " " + word) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line.append(' ').append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
