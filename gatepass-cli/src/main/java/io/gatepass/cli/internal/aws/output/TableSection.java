package io.gatepass.cli.internal.aws.output;

import io.gatepass.cli.internal.aws.CliException;

import java.util.ArrayList;
import java.util.List;

/** One titled block of an aws v2 table: optional column headers, rows of cells and the widest cell of each column. */
final class TableSection {

    String title = "";
    List<String> headers = List.of();
    final List<List<String>> rows = new ArrayList<>();
    int indentLevel;
    private Integer columns;
    private int[] maxWidths = new int[0];

    void header(List<String> names) {
        updateMaxWidths(names);
        if (columns == null) {
            columns = names.size();
        }
        headers = names;
    }

    void row(List<String> cells) {
        if (columns == null) {
            columns = cells.size();
        }
        if (cells.size() != columns) {
            throw CliException.other("Row should have " + columns + " elements, instead it has " + cells.size(), null);
        }
        rows.add(cells);
        updateMaxWidths(cells);
    }

    private void updateMaxWidths(List<String> cells) {
        if (maxWidths.length == 0) {
            maxWidths = cells.stream().mapToInt(DisplayWidth::of).toArray();
        } else {
            for (int i = 0; i < cells.size(); i++) {
                maxWidths[i] = Math.max(maxWidths[i], DisplayWidth.of(cells.get(i)));
            }
        }
    }

    /** The section's width with 4 columns of padding per cell, a border each side and its indentation. */
    int totalWidth() {
        int total = 2 + 2 * indentLevel;
        for (int width : maxWidths) {
            total += width + 4;
        }
        return Math.max(DisplayWidth.of(title) + 2 + 2 * indentLevel, total);
    }

    /** Column widths (cell plus 4 padding) scaled to add up to {@code maxWidth}, as aws spreads them. */
    int[] columnWidths(int maxWidth) {
        if (maxWidths.length == 0) {
            return new int[0];
        }
        int sum = 0;
        for (int width : maxWidths) {
            sum += width + 4;
        }
        double scale = maxWidth / (double) sum;
        int[] scaled = new int[maxWidths.length];
        int offBy = -maxWidth;
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (int) Math.rint(scale * (maxWidths[i] + 4));
            offBy += scaled[i];
        }
        while (offBy != 0) {
            boolean over = offBy > 0;
            for (int k = 0; k < scaled.length; k++) {
                int i = over ? k : scaled.length - 1 - k;
                if (offBy > 0) {
                    scaled[i]--;
                    offBy--;
                } else {
                    scaled[i]++;
                    offBy++;
                }
                if (offBy == 0) {
                    break;
                }
            }
        }
        return scaled;
    }

    /** This single-row section turned on its side: one (header, value) row per column, as aws does for narrow terminals. */
    TableSection vertical() {
        TableSection section = new TableSection();
        section.title = title;
        section.indentLevel = indentLevel;
        for (int i = 0; i < Math.min(headers.size(), rows.get(0).size()); i++) {
            section.row(List.of(headers.get(i), rows.get(0).get(i)));
        }
        return section;
    }
}
