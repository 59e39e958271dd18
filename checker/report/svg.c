// SPDX-License-Identifier: GPL-2.0
/* The migration status chart: one labelled horizontal bar per status. */
#include "report/report.h"

#define CHART_WIDTH	640
#define LABEL_WIDTH	190
#define BAR_HEIGHT	26
#define ROW_HEIGHT	36

void report_svg(struct strbuf *sb, const struct report *r)
{
	unsigned int total = r->drivers.nr, most = 1;
	int bar_space = CHART_WIDTH - LABEL_WIDTH - 60;
	int s, y;

	for (s = 0; s < RS_NR; s++)
		if (r->count[s] > most)
			most = r->count[s];
	strbuf_addf(sb, "<svg id=\"status-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"status-chart-title\">\n",
		    CHART_WIDTH, ROW_HEIGHT * RS_NR + 8, CHART_WIDTH,
		    ROW_HEIGHT * RS_NR + 8);
	strbuf_addf(sb, "<title id=\"status-chart-title\">Migration status of %u drivers</title>\n",
		    total);
	for (s = 0; s < RS_NR; s++) {
		int w = bar_space * r->count[s] / most;

		y = 4 + s * ROW_HEIGHT;
		strbuf_addf(sb, "<g class=\"bar\" data-status=\"%s\" data-count=\"%u\">\n",
			    report_status_names[s], r->count[s]);
		strbuf_addf(sb, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
			    LABEL_WIDTH - 10, y + BAR_HEIGHT / 2 + 5,
			    report_status_labels[s]);
		/* A sliver for zero, so the row still reads as a bar. */
		strbuf_addf(sb, "<rect class=\"status-%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\"/>\n",
			    report_status_names[s], LABEL_WIDTH, y,
			    w ? w : 2, BAR_HEIGHT);
		strbuf_addf(sb, "<text class=\"count\" x=\"%d\" y=\"%d\">%u</text>\n</g>\n",
			    LABEL_WIDTH + (w ? w : 2) + 8,
			    y + BAR_HEIGHT / 2 + 5, r->count[s]);
	}
	strbuf_addstr(sb, "</svg>\n");
}
