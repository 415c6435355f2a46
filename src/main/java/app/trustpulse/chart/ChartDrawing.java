package app.trustpulse.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
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
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a pulse chart with JFreeChart: a bar per dimension for this week (1 to 5), a dash at the average of
 * the weeks before, and the word "withheld" where a dimension has too few answers (never a bar or a number).
 */
class ChartDrawing {

    static final int WIDTH = 900;
    static final int HEIGHT = 460;
    private static final Color BAR = new Color(0x2f5bd3);
    private static final Color TREND = new Color(0xc2410c);
    private static final Color WITHHELD = new Color(0x8a5a00);

    byte[] png(ChartData data) {
        DefaultCategoryDataset week = new DefaultCategoryDataset();
        DefaultCategoryDataset trend = new DefaultCategoryDataset();
        for (ChartData.Bar bar : data.bars()) {
            week.addValue(bar.thisWeek().isPresent() ? bar.thisWeek().getAsDouble() : null, data.thisWeekLegend(), bar.dimension());
            trend.addValue(bar.trend().isPresent() ? bar.trend().getAsDouble() : null, data.trendLegend(), bar.dimension());
        }
        NumberFormat oneDecimal = NumberFormat.getNumberInstance(data.locale());
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);

        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setBase(1.0);
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", oneDecimal));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        bars.setDefaultItemLabelPaint(Color.WHITE);
        // Inside the bar's top, so the trend marker above or below never covers the number.
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE12, TextAnchor.TOP_CENTER));

        LineAndShapeRenderer markers = new LineAndShapeRenderer(false, true);
        markers.setSeriesPaint(0, TREND);
        markers.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-34, -2.5, 68, 5));
        markers.setSeriesStroke(0, new BasicStroke(2f));

        CategoryAxis dimensions = new CategoryAxis();
        dimensions.setMaximumCategoryLabelLines(2);
        dimensions.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        NumberAxis scores = new NumberAxis(data.axisLabel());
        scores.setRange(1.0, 5.4);
        scores.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));

        CategoryPlot plot = new CategoryPlot(week, dimensions, scores, bars);
        plot.setDataset(1, trend);
        plot.setRenderer(1, markers);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdde2ea));
        plot.setOutlineVisible(false);
        for (ChartData.Bar bar : data.bars()) {
            if (bar.thisWeek().isEmpty()) {
                CategoryTextAnnotation note = new CategoryTextAnnotation(data.withheldLabel(), bar.dimension(), 1.35);
                note.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 14));
                note.setPaint(WITHHELD);
                note.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(note);
            }
        }
        JFreeChart chart = new JFreeChart(data.title(), new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        ((TextTitle) chart.getTitle()).setPaint(new Color(0x1d2433));

        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
