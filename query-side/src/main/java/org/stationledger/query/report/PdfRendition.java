package org.stationledger.query.report;

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
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A report as PDF (OpenPDF): the heading, a bar chart for each chart of the report, drawn with the content byte's
 * own graphics, and the tables. Landscape when a table is wide. The standard PDF fonts carry Latin characters
 * only, so other scripts (the Chinese station names) are left out here; CSV and XLSX keep them.
 */
final class PdfRendition {

    private static final int WIDE_TABLE = 8;
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

    private PdfRendition() {
    }

    static byte[] render(Report report) {
        boolean wide = report.tables().stream().anyMatch(table -> table.columns().size() > WIDE_TABLE);
        Document document = new Document(wide ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(latin(report.title()));
        document.addCreator("Station Ledger");
        document.open();
        Fonts fonts = Fonts.standard();
        document.add(new Paragraph(latin(report.title()), fonts.title()));
        document.add(new Paragraph(report.heading().stream().filter(line -> !line.get(0).equals("title"))
                .map(line -> line.get(0) + " " + latin(line.get(1))).collect(Collectors.joining("   ")), fonts.small()));
        float width = document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin();
        for (Report.Chart chart : report.charts()) {
            if (!chart.bars().isEmpty()) {
                Image image = Image.getInstance(chart(writer, chart, width, fonts));
                image.setSpacingBefore(12);
                document.add(image);
            }
        }
        for (Report.Table table : report.tables()) {
            Paragraph title = new Paragraph(latin(table.title()), fonts.heading());
            title.setSpacingBefore(12);
            title.setSpacingAfter(4);
            document.add(title);
            document.add(table(table, fonts));
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable table(Report.Table table, Fonts fonts) {
        PdfPTable pdf = new PdfPTable(table.columns().size());
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        for (String column : table.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(latin(column), fonts.bold()));
            cell.setBackgroundColor(HEADER_BACKGROUND);
            pdf.addCell(cell);
        }
        for (Report.Row row : table.rows()) {
            for (Object value : row.cells()) {
                PdfPCell cell = new PdfPCell(new Phrase(latin(Report.text(value)), fonts.body()));
                if (value instanceof Long || value instanceof BigDecimal) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                pdf.addCell(cell);
            }
        }
        return pdf;
    }

    /** Horizontal bars, grouped by label, one colour per series, with a dashed reference line if there is one. */
    private static PdfTemplate chart(PdfWriter writer, Report.Chart chart, float width, Fonts fonts) {
        int series = chart.series().size();
        float height = CHART_TOP + chart.bars().size() * (series * BAR + GROUP_GAP) + 14;
        PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
        double max = chart.bars().stream().flatMap(bar -> bar.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        if (chart.reference() != null) {
            max = Math.max(max, chart.reference());
        }
        double scale = (width - LABEL_WIDTH - VALUE_ROOM) / Math.max(max, 1);

        text(canvas, fonts.boldBase(), 10, 0, height - 12, latin(chart.title()));
        float legend = 0;
        for (int s = 0; s < series; s++) {
            bar(canvas, s, legend, height - 27, 8, 8);
            String name = latin(chart.series().get(s));
            text(canvas, fonts.base(), 8, legend + 11, height - 26, name);
            legend += 11 + fonts.base().getWidthPoint(name, 8) + 16;
        }
        float y = height - CHART_TOP;
        for (Report.Bar bar : chart.bars()) {
            text(canvas, fonts.base(), 8, 0, y - series * BAR / 2 - 3, fit(latin(bar.label()), fonts.base()));
            for (int s = 0; s < series; s++) {
                y -= BAR;
                double value = bar.values().get(s);
                bar(canvas, s, LABEL_WIDTH, y + 1, (float) (value * scale), BAR - 2);
                text(canvas, fonts.base(), 7, LABEL_WIDTH + (float) (value * scale) + 3, y + 2, number(value));
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
            text(canvas, fonts.base(), 7, x + 2, y - 8, latin(chart.referenceLabel()), REFERENCE_COLOUR);
        }
        return canvas;
    }

    private static void bar(PdfContentByte canvas, int series, float x, float y, float width, float height) {
        canvas.setColorFill(SERIES_COLOURS[series % SERIES_COLOURS.length]);
        canvas.rectangle(x, y, width, height);
        canvas.fill();
    }

    private static void text(PdfContentByte canvas, BaseFont font, float size, float x, float y, String text) {
        text(canvas, font, size, x, y, text, TEXT_COLOUR);
    }

    private static void text(PdfContentByte canvas, BaseFont font, float size, float x, float y, String text,
                             Color colour) {
        canvas.setColorFill(colour);
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setTextMatrix(x, y);
        canvas.showText(text);
        canvas.endText();
    }

    private static String fit(String label, BaseFont font) {
        String fitted = label;
        while (fitted.length() > 1 && font.getWidthPoint(fitted, 8) > LABEL_WIDTH - 6) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    private static String number(double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** Keeps what the standard fonts can show (printable Latin-1); a text of other scripts only becomes "?". */
    static String latin(String text) {
        String kept = text.codePoints()
                .filter(c -> (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip().replaceAll(" {2,}", " ");
        return kept.isEmpty() && !text.isBlank() ? "?" : kept;
    }

    /** The standard Helvetica fonts, as text fonts and as the base fonts the charts draw with. */
    private record Fonts(BaseFont base, BaseFont boldBase) {

        static Fonts standard() {
            try {
                return new Fonts(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED),
                        BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED));
            } catch (IOException e) {
                throw new UncheckedIOException("The standard PDF fonts are built into OpenPDF", e);
            }
        }

        Font title() {
            return new Font(boldBase, 14);
        }

        Font heading() {
            return new Font(boldBase, 10);
        }

        Font bold() {
            return new Font(boldBase, 7);
        }

        Font body() {
            return new Font(base, 7);
        }

        Font small() {
            return new Font(base, 8);
        }
    }
}
