package org.bigdatalab.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts: drawn by JFreeChart onto JFreeSVG's {@link SVGGraphics2D}, returned as an
 * {@code <svg>} element to inline in a page. No script, no external file: a page opened from
 * {@code file://} shows them as they are. Each chart gets its own id prefix, so several on one page
 * keep their clip paths apart. Values on axes and labels are in human units ({@link HumanUnits}).
 */
final class Charts {
  static final Color BLUE = new Color(0x4C78A8);
  static final Color ORANGE = new Color(0xF58518);
  static final Color GREEN = new Color(0x54A24B);
  static final Color RED = new Color(0xE45756);
  static final Color GREY = new Color(0xBAB0AC);
  private static final Color[] SERIES = {BLUE, ORANGE, GREEN, RED, new Color(0x72B7B2), new Color(0xB279A2)};
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final AtomicInteger IDS = new AtomicInteger();

  static {
    // Fonts and metrics only, never a window: the CLI may run where no display is.
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * Horizontal bars, one per row of {@code data} (one series) or grouped (several), each labelled by
   * {@code label}; a log axis when the values span more than two orders of magnitude, so the
   * baseline and a slow engine both stay visible.
   */
  static String bars(String title, String axis, DefaultCategoryDataset data, DoubleFunction<String> format,
      ItemLabel label) {
    JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.HORIZONTAL,
        data.getRowCount() > 1, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setItemMargin(0.05);
    for (int s = 0; s < data.getRowCount(); s++) {
      renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
    }
    labels(renderer, label);
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    plot.setRangeAxis(valueAxis(axis, data, format));
    plot.getDomainAxis().setTickLabelFont(FONT);
    plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f); // long engine ids (lambda:a+b+c/kappa-replay) in full
    style(chart);
    int rows = data.getColumnCount() * Math.max(1, data.getRowCount());
    return svg(chart, 860, Math.max(170, 90 + 22 * rows + (data.getRowCount() > 1 ? 30 : 0)));
  }

  /** Horizontal stacked bars: one bar per category, one segment per series, coloured by {@code colours}. */
  static String stackedBars(String title, String axis, DefaultCategoryDataset data, Color[] colours) {
    JFreeChart chart = ChartFactory.createStackedBarChart(title, null, axis, data, PlotOrientation.HORIZONTAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    for (int s = 0; s < data.getRowCount(); s++) {
      renderer.setSeriesPaint(s, colours[s % colours.length]);
    }
    labels(renderer, (series, category, v) -> v == 0 ? null : HumanUnits.digits(v));
    plot.getDomainAxis().setTickLabelFont(FONT);
    plot.getRangeAxis().setTickLabelFont(FONT);
    style(chart);
    return svg(chart, 860, 120 + 30 * data.getColumnCount());
  }

  private static void labels(BarRenderer renderer, ItemLabel label) {
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
      private static final long serialVersionUID = 1L;
      @Override public String generateLabel(CategoryDataset d, int row, int column) {
        Number v = d.getValue(row, column);
        return v == null ? null : label.text(row, column, v.doubleValue());
      }
    });
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(FONT);
  }

  /** The text beside a bar; null for none. */
  interface ItemLabel {
    String text(int series, int category, double value);
  }

  /** Lines over ordered categories (input sizes), one per series. */
  static String lines(String title, String xAxis, String yAxis, DefaultCategoryDataset data, DoubleFunction<String> format) {
    JFreeChart chart = ChartFactory.createLineChart(title, xAxis, yAxis, data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
    renderer.setDefaultShapesVisible(true);
    for (int s = 0; s < data.getRowCount(); s++) {
      renderer.setSeriesPaint(s, SERIES[s % SERIES.length]);
      renderer.setSeriesStroke(s, new BasicStroke(2f));
    }
    plot.setRangeAxis(valueAxis(yAxis, data, format));
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    style(chart);
    return svg(chart, 860, 360);
  }

  /**
   * A heat map of {@code status[row][column]} (codes into {@code colours}, -1 for no cell), rows
   * and columns named; the cells are blocks on two symbol axes.
   */
  static String heatMap(String title, List<String> rows, List<String> columns, int[][] status, Color[] colours) {
    DefaultXYZDataset data = new DefaultXYZDataset();
    int n = rows.size() * columns.size();
    double[][] xyz = new double[3][n];
    int i = 0;
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++, i++) {
        xyz[0][i] = c;
        xyz[1][i] = rows.size() - 1 - r; // the first row on top
        xyz[2][i] = status[r][c];
      }
    }
    data.addSeries("status", xyz);
    LookupPaintScale scale = new LookupPaintScale(-1, colours.length, Color.WHITE);
    scale.add(-1, new Color(0xF7F7F7));
    for (int k = 0; k < colours.length; k++) {
      scale.add(k, colours[k]);
    }
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(scale);
    renderer.setBlockWidth(0.92);  // a white seam between cells, so a lone cell reads as one
    renderer.setBlockHeight(0.86);
    SymbolAxis x = new SymbolAxis(null, columns.toArray(String[]::new));
    x.setVerticalTickLabels(true);
    x.setGridBandsVisible(false);
    x.setTickLabelFont(FONT);
    List<String> reversed = new java.util.ArrayList<>(rows);
    java.util.Collections.reverse(reversed);
    SymbolAxis y = new SymbolAxis(null, reversed.toArray(String[]::new));
    y.setGridBandsVisible(false);
    y.setTickLabelFont(FONT);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    style(chart);
    int longest = columns.stream().mapToInt(String::length).max().orElse(8);
    return svg(chart, Math.max(520, 330 + 26 * columns.size()), 80 + 7 * longest + 18 * rows.size());
  }

  private static ValueAxis valueAxis(String label, DefaultCategoryDataset data, DoubleFunction<String> format) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (int r = 0; r < data.getRowCount(); r++) {
      for (int c = 0; c < data.getColumnCount(); c++) {
        Number v = data.getValue(r, c);
        if (v != null && v.doubleValue() > 0) {
          min = Math.min(min, v.doubleValue());
          max = Math.max(max, v.doubleValue());
        }
      }
    }
    ValueAxis axis;
    if (max > 0 && max / min > 100) {
      LogAxis log = new LogAxis(label + " (log scale)");
      log.setSmallestValue(min / 2);
      log.setNumberFormatOverride(human(format));
      log.setUpperMargin(0.6); // room for the labels
      axis = log;
    } else {
      NumberAxis linear = new NumberAxis(label);
      linear.setNumberFormatOverride(human(format));
      linear.setUpperMargin(0.4);
      axis = linear;
    }
    axis.setTickLabelFont(FONT);
    return axis;
  }

  private static NumberFormat human(DoubleFunction<String> format) {
    return new NumberFormat() {
      private static final long serialVersionUID = 1L;
      @Override public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        return to.append(format.apply(number));
      }
      @Override public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
        return to.append(format.apply(number));
      }
      @Override public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("display only");
      }
    };
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    }
    if (chart.getPlot() instanceof CategoryPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setRangeGridlinePaint(new Color(0xDDDDDD));
      plot.setOutlineVisible(false);
    }
  }

  /** The chart as an {@code <svg>} element with an id and clip-path ids of its own. */
  static String svg(JFreeChart chart, int width, int height) {
    String id = "chart" + IDS.incrementAndGet();
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement(id);
  }
}
