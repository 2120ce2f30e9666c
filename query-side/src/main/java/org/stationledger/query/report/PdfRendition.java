package org.stationledger.query.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A report as PDF (OpenPDF): the heading, a bar chart for each chart of the report, drawn with the content byte's
 * own graphics, and the tables. Landscape when a table is wide. Text is set in two of the fonts every PDF reader
 * supplies, so nothing is embedded: Helvetica for Latin text and Adobe's Simplified Chinese STSong-Light for the
 * Chinese station, department and indicator names, each character in the first of the two that has it.
 */
final class PdfRendition {

    private static final int WIDE_TABLE = 8;
    private static final int ROWS_PER_BATCH = 500;
    private static final Color[] SERIES_COLOURS = {new Color(0x2f, 0x5d, 0x8a), new Color(0xc0, 0x50, 0x4d),
            new Color(0x9b, 0xbb, 0x59), new Color(0x80, 0x64, 0xa2)};
    private static final Color REFERENCE_COLOUR = new Color(0xd9, 0x2b, 0x2b);
    private static final Color TEXT_COLOUR = new Color(0x33, 0x33, 0x33);
    private static final Color HEADER_BACKGROUND = new Color(0xe8, 0xe8, 0xe8);

    private static final float BAR = 9;
    private static final float GROUP_GAP = 6;
    private static final float LABEL_WIDTH = 150;
    private static final float VALUE_ROOM = 40;
    private static final float CHART_TOP = 34;

    private static final Typeface REGULAR = Typeface.of(BaseFont.HELVETICA, "STSong-Light");
    private static final Typeface BOLD = Typeface.of(BaseFont.HELVETICA_BOLD, "STSong-Light,Bold");

    private PdfRendition() {
    }

    static byte[] render(Report report) {
        boolean wide = report.tables().stream().anyMatch(table -> table.columns().size() > WIDE_TABLE);
        Document document = new Document(wide ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(report.title());
        document.addCreator("Station Ledger");
        document.open();
        document.add(new Paragraph(BOLD.phrase(printable(report.title()), 14)));
        document.add(new Paragraph(REGULAR.phrase(report.heading().stream()
                .filter(line -> !line.get(0).equals("title"))
                .map(line -> line.get(0) + " " + printable(line.get(1))).collect(Collectors.joining("   ")), 8)));
        float width = document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin();
        for (Report.Chart chart : report.charts()) {
            if (!chart.bars().isEmpty()) {
                Image image = Image.getInstance(chart(writer, chart, width));
                image.setSpacingBefore(12);
                document.add(image);
            }
        }
        for (Report.Table table : report.tables()) {
            Paragraph title = new Paragraph(BOLD.phrase(printable(table.title()), 10));
            title.setSpacingBefore(12);
            title.setSpacingAfter(4);
            document.add(title);
            addTable(document, table);
        }
        document.close();
        return out.toByteArray();
    }

    /**
     * Adds the table a batch of rows at a time (OpenPDF's large-element API): the rows already laid out are written
     * and let go, so a national table (54,000 stations) never sits in memory whole, which took over 256 MB of heap.
     */
    private static void addTable(Document document, Report.Table table) {
        PdfPTable pdf = new PdfPTable(table.columns().size());
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        pdf.setComplete(false);
        for (String column : table.columns()) {
            PdfPCell cell = new PdfPCell(BOLD.phrase(printable(column), 7));
            cell.setBackgroundColor(HEADER_BACKGROUND);
            pdf.addCell(cell);
        }
        int rows = 0;
        for (Report.Row row : table.rows()) {
            for (Object value : row.cells()) {
                PdfPCell cell = new PdfPCell(REGULAR.phrase(printable(Report.text(value)), 7));
                if (value instanceof Long || value instanceof BigDecimal) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                pdf.addCell(cell);
            }
            if (++rows % ROWS_PER_BATCH == 0) {
                document.add(pdf);
            }
        }
        pdf.setComplete(true);
        document.add(pdf);
    }

    /** Horizontal bars, grouped by label, one colour per series, with a dashed reference line if there is one. */
    private static PdfTemplate chart(PdfWriter writer, Report.Chart chart, float width) {
        int series = chart.series().size();
        float height = CHART_TOP + chart.bars().size() * (series * BAR + GROUP_GAP) + 14;
        PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
        double max = chart.bars().stream().flatMap(bar -> bar.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        if (chart.reference() != null) {
            max = Math.max(max, chart.reference());
        }
        double scale = (width - LABEL_WIDTH - VALUE_ROOM) / Math.max(max, 1);

        BOLD.show(canvas, 10, 0, height - 12, printable(chart.title()), TEXT_COLOUR);
        float legend = 0;
        for (int s = 0; s < series; s++) {
            bar(canvas, s, legend, height - 27, 8, 8);
            String name = printable(chart.series().get(s));
            REGULAR.show(canvas, 8, legend + 11, height - 26, name, TEXT_COLOUR);
            legend += 11 + REGULAR.width(name, 8) + 16;
        }
        float y = height - CHART_TOP;
        for (Report.Bar bar : chart.bars()) {
            REGULAR.show(canvas, 8, 0, y - series * BAR / 2 - 3, fit(printable(bar.label())), TEXT_COLOUR);
            for (int s = 0; s < series; s++) {
                y -= BAR;
                double value = bar.values().get(s);
                bar(canvas, s, LABEL_WIDTH, y + 1, (float) (value * scale), BAR - 2);
                REGULAR.show(canvas, 7, LABEL_WIDTH + (float) (value * scale) + 3, y + 2, number(value), TEXT_COLOUR);
            }
            y -= GROUP_GAP;
        }
        if (chart.reference() != null) {
            float x = LABEL_WIDTH + (float) (chart.reference() * scale);
            canvas.setColorStroke(REFERENCE_COLOUR);
            canvas.setLineDash(3, 2);
            canvas.moveTo(x, height - CHART_TOP + 2);
            canvas.lineTo(x, y);
            canvas.stroke();
            REGULAR.show(canvas, 7, x + 2, y - 8, printable(chart.referenceLabel()), REFERENCE_COLOUR);
        }
        return canvas;
    }

    private static void bar(PdfContentByte canvas, int series, float x, float y, float width, float height) {
        canvas.setColorFill(SERIES_COLOURS[series % SERIES_COLOURS.length]);
        canvas.rectangle(x, y, width, height);
        canvas.fill();
    }

    private static String fit(String label) {
        String fitted = label;
        while (fitted.length() > 1 && REGULAR.width(fitted, 8) > LABEL_WIDTH - 6) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    private static String number(double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /**
     * What the fonts can show: control characters and characters neither font has (those outside the Basic
     * Multilingual Plane among them) are left out, runs of spaces become one; a text of nothing else becomes "?".
     */
    static String printable(String text) {
        String kept = text.codePoints().filter(c -> !Character.isISOControl(c) && REGULAR.has(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip().replaceAll(" {2,}", " ");
        return kept.isEmpty() && !text.isBlank() ? "?" : kept;
    }

    /** A Latin font and a Chinese one of the same weight, used together. */
    private record Typeface(BaseFont latin, BaseFont chinese) {

        static Typeface of(String latinFont, String chineseFont) {
            try {
                return new Typeface(BaseFont.createFont(latinFont, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED),
                        BaseFont.createFont(chineseFont, "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED));
            } catch (IOException e) {
                throw new UncheckedIOException("The standard PDF fonts and Adobe's CJK fonts are built into OpenPDF", e);
            }
        }

        boolean has(int character) {
            return latin.charExists(character) || chinese.charExists(character);
        }

        /**
         * Text for the document's flow (paragraphs, cells), {@link #printable} already, with the leading a one-font
         * paragraph has. (OpenPDF's {@code FontSelector} would do the same but loads a fallback TrueType font each
         * time it is made: 1.5 ms a cell.)
         */
        Phrase phrase(String text, float size) {
            Phrase phrase = new Phrase(size * 1.5f);
            Font latinFont = new Font(latin, size);
            Font chineseFont = new Font(chinese, size);
            for (Run run : runs(text)) {
                phrase.add(new Chunk(run.text(), run.font() == latin ? latinFont : chineseFont));
            }
            return phrase;
        }

        float width(String text, float size) {
            return (float) runs(text).stream().mapToDouble(run -> run.font().getWidthPoint(run.text(), size)).sum();
        }

        /** Text drawn on a chart, {@link #printable} already, in runs of one font each. */
        void show(PdfContentByte canvas, float size, float x, float y, String text, Color colour) {
            canvas.setColorFill(colour);
            canvas.beginText();
            canvas.setTextMatrix(x, y);
            for (Run run : runs(text)) {
                canvas.setFontAndSize(run.font(), size);
                canvas.showText(run.text());
            }
            canvas.endText();
        }

        /** Consecutive characters set in the same font. */
        private List<Run> runs(String text) {
            List<Run> runs = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            BaseFont current = latin;
            for (char character : text.toCharArray()) {
                BaseFont font = latin.charExists(character) ? latin : chinese;
                if (font != current && !run.isEmpty()) {
                    runs.add(new Run(current, run.toString()));
                    run.setLength(0);
                }
                current = font;
                run.append(character);
            }
            if (!run.isEmpty()) {
                runs.add(new Run(current, run.toString()));
            }
            return runs;
        }
    }

    private record Run(BaseFont font, String text) {
    }
}
