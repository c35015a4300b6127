package io.worklane.sla.web;

import io.worklane.sla.ComplianceRow;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * A compliance chart as server-rendered SVG: one bar per month, the share of clocks that met their
 * goal, with the count in a tooltip ({@code <title>}); large type, for a projector. Every text from
 * the tenant is escaped.
 */
final class ComplianceChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 280;
    private static final int LEFT = 56;
    private static final int BOTTOM = 40;
    private static final int TOP = 16;

    private ComplianceChart() {
    }

    /** The chart of one policy metric's months (rows of one metric, in month order). */
    static String svg(String title, List<ComplianceRow> rows) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"").append(escape(title)).append("\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = TOP + plotHeight * (1 - percent / 100.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", LEFT,
                    WIDTH - 8, y, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%d %%</text>",
                    LEFT - 8, y + 5, percent));
        }
        double slot = rows.isEmpty() ? 0 : (WIDTH - LEFT - 8) / (double) rows.size();
        for (int n = 0; n < rows.size(); n++) {
            ComplianceRow row = rows.get(n);
            double barHeight = plotHeight * row.compliancePercent() / 100.0;
            double x = LEFT + n * slot + slot * 0.15;
            double y = TOP + plotHeight - barHeight;
            svg.append(String.format(Locale.ROOT,
                    "<g><title>%s: %.1f %% met (%d of %d; %d breached)</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"/></g>",
                    row.month(), row.compliancePercent(), row.met(), row.total(), row.breached(), x, y, slot * 0.7,
                    barHeight, row.compliancePercent() >= 95 ? "bar ok" : row.compliancePercent() >= 80 ? "bar warn" : "bar bad"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
                    x + slot * 0.35, HEIGHT - 14, escape(row.month().toString().substring(2))));
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
