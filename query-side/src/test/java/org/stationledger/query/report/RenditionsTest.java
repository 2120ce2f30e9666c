package org.stationledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.burden.ReportName;
import org.stationledger.query.report.Report.Bar;
import org.stationledger.query.report.Report.Chart;
import org.stationledger.query.report.Report.Row;
import org.stationledger.query.report.Report.Subject;
import org.stationledger.query.report.Report.Table;

class RenditionsTest {

    private static final Report REPORT = new Report(ReportName.BURDEN, "Burden", 2026, null, 42,
            LocalDate.of(2026, 5, 1),
            List.of(new Table("Departments", List.of("department", "name", "share"), List.of(
                    Row.of(Subject.department("D1"), "D1", "刑侦, \"一\" Criminal", new BigDecimal("66.7")),
                    Row.of(Subject.department("D2"), "D2", null, 5L),
                    Row.of(Subject.NOBODY, "all", "", 12L)))),
            List.of(new Chart("Share", List.of("documents"), List.of(new Bar("D1", Subject.department("D1"), List.of(66.7)),
                    new Bar("D2", Subject.department("D2"), List.of(5.0))), 70.0, "target")));

    @Test
    void csvQuotesWhatNeedsQuotingAndWritesNumbersPlainly() {
        String csv = new String(ReportFormat.CSV.render(REPORT), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("""
                report,burden\r
                title,Burden\r
                year,2026\r
                position,42\r
                as of,2026-05-01\r
                \r
                Departments\r
                department,name,share\r
                D1,"刑侦, ""一"" Criminal",66.7\r
                D2,,5\r
                all,,12\r
                """);
    }

    @Test
    void csvWritesTextThatASpreadsheetWouldRunAsAFormulaAsText() {
        Report names = new Report(ReportName.BURDEN, "=HYPERLINK(\"http://x\")", 2026, null, 42, null,
                List.of(new Table("Stations", List.of("station", "name", "parent", "change"), List.of(
                        Row.of(Subject.station("S1"), "S1", "=cmd|' /C calc'!A0", "+分局", new BigDecimal("-3.5")),
                        Row.of(Subject.station("S2"), "S2", "@SUM(A1:A9)", "-1+1", -2L),
                        Row.of(Subject.station("S3"), "S3", "\tTabbed", "a=b", 0L)))),
                List.of());

        String csv = new String(ReportFormat.CSV.render(names), StandardCharsets.UTF_8);

        assertThat(csv).contains("title,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n")
                .contains("S1,'=cmd|' /C calc'!A0,'+分局,-3.5\r\n")
                .contains("S2,'@SUM(A1:A9),'-1+1,-2\r\n")
                .contains("S3,'\tTabbed,a=b,0\r\n");
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        assertThat(ReportFormat.CSV.render(REPORT)).isEqualTo(ReportFormat.CSV.render(REPORT));
    }

    @Test
    void aCallerSeesItsOwnRowsAndBarsAndTheTotals() {
        Report own = REPORT.visibleTo(Actor.department("d2", "D2"));
        assertThat(own.tables().get(0).rows()).extracting(row -> row.cells().get(0)).containsExactly("D2", "all");
        assertThat(own.charts().get(0).bars()).extracting(Bar::label).containsExactly("D2");
        assertThat(REPORT.visibleTo(Actor.station("s", "S1")).tables().get(0).rows()).hasSize(1);
        assertThat(REPORT.visibleTo(Actor.auditor("audit"))).isEqualTo(REPORT);
    }

    @Test
    void thePdfShowsChineseNamesBesideLatinText() throws IOException {
        Report chinese = new Report(ReportName.BURDEN, "负担 Burden", 2026, null, 42, LocalDate.of(2026, 5, 1),
                List.of(new Table("派出所 Stations", List.of("station", "名称"), List.of(
                        Row.of(Subject.station("ZJL"), "ZJL", "朱剪炉派出所 Zhujianlu"),
                        Row.of(Subject.station("XJH"), "XJH", "徐家汇派出所，上海")))),
                List.of(new Chart("检查 by station", List.of("文件"), List.of(
                        new Bar("朱剪炉派出所", Subject.station("ZJL"), List.of(3.0))), 70.0, "目标 70%")));

        String text = pdfText(ReportFormat.PDF.render(chinese));

        assertThat(text).contains("负担 Burden", "派出所 Stations", "名称", "朱剪炉派出所 Zhujianlu", "徐家汇派出所，上海",
                "检查 by station", "文件", "目标 70%", "position 42");
        assertThat(text.lines().filter(line -> line.contains("朱剪炉派出所"))).hasSize(2);
    }

    @Test
    void thePdfLeavesOutOnlyWhatItsFontsCannotShow() {
        assertThat(PdfRendition.printable("朱剪炉派出所 Zhujianlu")).isEqualTo("朱剪炉派出所 Zhujianlu");
        assertThat(PdfRendition.printable("Café 12，€")).isEqualTo("Café 12，€");
        assertThat(PdfRendition.printable("line\nbreak\tand 𠀀 beyond the plane")).isEqualTo("linebreakand beyond the plane");
        assertThat(PdfRendition.printable("𠀀")).isEqualTo("?");
        assertThat(PdfRendition.printable("")).isEmpty();
    }

    @Test
    void aLongTableKeepsEveryRowInTheWorkbookAndInThePdfWithItsHeaderOnEveryPage() throws IOException {
        List<Row> rows = IntStream.rangeClosed(1, 1234).mapToObj(i ->
                Row.of(Subject.station("S" + i), "S" + i, "派出所 " + i, (long) i)).toList();
        Report stations = new Report(ReportName.BURDEN, "Burden", 2026, null, 42, LocalDate.of(2026, 5, 1),
                List.of(new Table("Stations", List.of("station", "name", "visits"), rows)), List.of());

        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(ReportFormat.XLSX.render(stations)))) {
            Sheet sheet = workbook.getSheet("Stations");
            assertThat(sheet.getLastRowNum()).isEqualTo(1234);
            assertThat(sheet.getRow(1234).getCell(1).getStringCellValue()).isEqualTo("派出所 1234");
            assertThat(sheet.getRow(1234).getCell(2).getNumericCellValue()).isEqualTo(1234);
            assertThat(sheet.getColumnWidth(1)).as("as wide as the longest name").isEqualTo(("派出所 1234".length() + 2) * 256);
        }

        byte[] pdf = ReportFormat.PDF.render(stations);
        List<String> lines = pdfText(pdf).lines().toList();
        assertThat(lines.stream().filter(line -> line.matches("S(\\d+) 派出所 \\1 \\1"))).hasSize(1234);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(lines.stream().filter(line -> line.equals("station name visits")))
                    .hasSize(document.getNumberOfPages()).hasSizeGreaterThan(1);
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void everyFormatRendersTheReport() {
        assertThat(new String(ReportFormat.PDF.render(REPORT), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(ReportFormat.XLSX.render(REPORT)).startsWith((byte) 'P', (byte) 'K');
    }
}
