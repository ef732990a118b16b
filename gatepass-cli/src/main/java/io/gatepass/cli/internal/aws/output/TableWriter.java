package io.gatepass.cli.internal.aws.output;

import java.util.List;

/**
 * Draws table sections as aws v2 does: a dashed top line, centred titles, centred headers, left-aligned cells, each
 * section's width shared out among its columns, nested sections framed by indentation bars. With colour, cells are
 * bright blue, indentation bars dim yellow, and (as colorama's autoreset does in aws) every write ends in a reset.
 */
final class TableWriter {

    private static final String RESET = "\u001b[0m";

    private final StringBuilder out = new StringBuilder();
    private final boolean color;

    private TableWriter(boolean color) {
        this.color = color;
    }

    static String render(List<TableSection> sections, boolean color, int terminalWidth) {
        int maxWidth = maxWidth(sections);
        if (maxWidth > terminalWidth) {
            for (int i = 0; i < sections.size(); i++) {
                TableSection section = sections.get(i);
                if (section.rows.size() == 1 && !section.headers.isEmpty()) {
                    sections.set(i, section.vertical());
                }
            }
            maxWidth = maxWidth(sections);
        }
        TableWriter writer = new TableWriter(color);
        writer.write("-".repeat(maxWidth) + "\n");
        for (TableSection section : sections) {
            writer.section(section, maxWidth);
        }
        return writer.out.toString();
    }

    private static int maxWidth(List<TableSection> sections) {
        return sections.stream().mapToInt(TableSection::totalWidth).max().orElse(0);
    }

    private void section(TableSection section, int tableWidth) {
        int width = tableWidth - 2 * section.indentLevel;
        String bars = (color ? "\u001b[2m\u001b[33m|" + RESET : "|").repeat(section.indentLevel);
        if (!section.title.isEmpty()) {
            line(bars, center(section.title, width, "|", "|") + "\n");
            if (section.headers.isEmpty() && section.rows.isEmpty()) {
                line(bars, "+" + "-".repeat(Math.max(0, width - 2)) + "+\n");
            }
        }
        if (!section.headers.isEmpty()) {
            int[] widths = section.columnWidths(width);
            StringBuilder titles = new StringBuilder();
            for (int i = 0; i < widths.length && i < section.headers.size(); i++) {
                titles.append(center(section.headers.get(i), widths[i], i == 0 ? "|" : "", "|"));
            }
            line(bars, lineBreak(widths));
            line(bars, titles + "\n");
        }
        if (!section.rows.isEmpty()) {
            int[] widths = section.columnWidths(width);
            if (widths.length == 0) {
                return;
            }
            line(bars, lineBreak(widths));
            for (List<String> row : section.rows) {
                StringBuilder cells = new StringBuilder();
                for (int i = 0; i < widths.length && i < row.size(); i++) {
                    cells.append(alignLeft(row.get(i), widths[i], i == 0 ? "|" : ""));
                }
                line(bars, cells + "\n");
            }
            line(bars, lineBreak(widths));
        }
    }

    /** One write through aws's indented stream: bars, the line, bars again before the newline. */
    private void line(String bars, String text) {
        write(bars);
        if (text.endsWith("\n")) {
            write(text.substring(0, text.length() - 1));
            write(bars);
            write("\n");
        } else {
            write(text);
        }
    }

    private void write(String text) {
        out.append(text);
        if (color) {
            out.append(RESET);
        }
    }

    private static String lineBreak(int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append(i == 0 ? "+" + "-".repeat(Math.max(0, widths[i] - 2)) : "-".repeat(Math.max(0, widths[i] - 1)))
                    .append('+');
        }
        return line.append('\n').toString();
    }

    private static String center(String text, int length, String leftEdge, String rightEdge) {
        int textLength = DisplayWidth.of(text);
        int start = Math.floorDiv(length, 2) - Math.floorDiv(textLength, 2) - 1;
        int soFar = DisplayWidth.of(leftEdge) + start + textLength;
        int right = length - DisplayWidth.of(rightEdge) - soFar;
        return leftEdge + " ".repeat(Math.max(0, start)) + text + " ".repeat(Math.max(0, right)) + rightEdge;
    }

    private String alignLeft(String text, int length, String leftEdge) {
        int textLength = DisplayWidth.of(text);
        int padding = length - (textLength + 2 + DisplayWidth.of(leftEdge) + 1) >= 0 ? 2 : 0;
        String styled = color ? "\u001b[1m\u001b[34m" + text + RESET : text;
        int right = length - (leftEdge.length() + padding + textLength) - 1;
        return leftEdge + " ".repeat(padding) + styled + " ".repeat(Math.max(0, right)) + "|";
    }
}
