package org.stationledger.query.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A report as an Excel workbook (Apache POI): a sheet with the heading, then one sheet per table, numbers as numbers.
 * Written through POI's streaming workbook, which keeps a window of rows in memory and moves the rest to a temporary
 * file (under {@code java.io.tmpdir}): as an in-memory workbook a national burden report (54,000 station rows) needed
 * more than 512 MB of heap.
 */
final class XlsxRendition {

    private static final int MAX_SHEET_NAME = 31;
    private static final int MAX_COLUMN_CHARS = 60;
    private static final int ROWS_IN_MEMORY = 100;

    private XlsxRendition() {
    }

    static byte[] render(Report report) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            Set<String> sheetNames = new HashSet<>();

            Sheet about = workbook.createSheet(sheetName("Report", sheetNames));
            List<List<String>> heading = report.heading();
            for (int i = 0; i < heading.size(); i++) {
                Row row = about.createRow(i);
                row.createCell(0).setCellValue(heading.get(i).get(0));
                row.getCell(0).setCellStyle(bold);
                row.createCell(1).setCellValue(heading.get(i).get(1));
            }
            fitColumns(about, heading);

            for (Report.Table table : report.tables()) {
                Sheet sheet = workbook.createSheet(sheetName(table.title(), sheetNames));
                Row header = sheet.createRow(0);
                for (int column = 0; column < table.columns().size(); column++) {
                    Cell cell = header.createCell(column);
                    cell.setCellValue(table.columns().get(column));
                    cell.setCellStyle(bold);
                }
                for (int index = 0; index < table.rows().size(); index++) {
                    Row row = sheet.createRow(index + 1);
                    List<Object> cells = table.rows().get(index).cells();
                    for (int column = 0; column < cells.size(); column++) {
                        write(row.createCell(column), cells.get(column));
                    }
                }
                sheet.createFreezePane(0, 1);
                List<List<?>> lines = new ArrayList<>();
                lines.add(table.columns());
                table.rows().forEach(row -> lines.add(row.cells()));
                fitColumns(sheet, lines);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + report.name().slug() + " workbook", e);
        } finally {
            workbook.dispose();
        }
    }

    private static void write(Cell cell, Object value) {
        if (value instanceof Long number) {
            cell.setCellValue(number);
        } else if (value instanceof BigDecimal decimal) {
            cell.setCellValue(decimal.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    /**
     * Widths from the text of the values written (the streaming sheet no longer holds its rows); POI's auto-size would
     * need the platform's fonts.
     */
    private static void fitColumns(Sheet sheet, List<? extends List<?>> lines) {
        int[] chars = new int[lines.stream().mapToInt(List::size).max().orElse(0)];
        for (List<?> line : lines) {
            for (int column = 0; column < line.size(); column++) {
                chars[column] = Math.max(chars[column], Report.text(line.get(column)).length());
            }
        }
        for (int column = 0; column < chars.length; column++) {
            sheet.setColumnWidth(column, Math.min(MAX_COLUMN_CHARS, chars[column] + 2) * 256);
        }
    }

    private static String sheetName(String title, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(title);
        base = base.length() > MAX_SHEET_NAME ? base.substring(0, MAX_SHEET_NAME) : base;
        String name = base;
        for (int suffix = 2; !used.add(name); suffix++) {
            String tail = " " + suffix;
            name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - tail.length())) + tail;
        }
        return name;
    }
}
