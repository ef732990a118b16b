package io.gatepass.cli.internal.aws;

import java.util.ArrayList;
import java.util.List;

/** aws's "Invalid choice" text: the choices two to a line, each padded to 40 columns, and close matches. */
public final class Choices {

    private Choices() {
    }

    /** The choices two per line: {@code "%-40s | %-40s"}, lines joined with newlines. */
    public static String table(List<String> choices) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < choices.size(); i += 2) {
            List<String> current = new ArrayList<>();
            for (String choice : choices.subList(i, Math.min(i + 2, choices.size()))) {
                current.add(String.format("%-40s", choice));
            }
            lines.add(String.join(" | ", current));
        }
        return String.join("\n", lines);
    }

    /** The argparse error for a value not among the choices, with Python difflib's close matches (cutoff 0.8). */
    public static CliException invalid(String argument, String value, List<String> choices) {
        StringBuilder message = new StringBuilder("argument ").append(argument)
                .append(": Invalid choice, valid choices are:\n\n").append(table(choices));
        List<String> close = closeMatches(value, choices);
        if (!close.isEmpty()) {
            message.append("\n\n\nInvalid choice: '").append(value).append("', maybe you meant:\n");
            for (String word : close) {
                message.append("\n  * ").append(word);
            }
        }
        return CliException.parameter(message.toString());
    }

    /** difflib.get_close_matches(value, choices, n=3, cutoff=0.8), best first. */
    static List<String> closeMatches(String value, List<String> choices) {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            double ratio = SequenceMatcher.ratio(value, choices.get(i));
            if (ratio >= 0.8) {
                scored.add(new double[] {ratio, i});
            }
        }
        scored.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
                : choices.get((int) b[1]).compareTo(choices.get((int) a[1])));
        List<String> result = new ArrayList<>();
        for (double[] score : scored.subList(0, Math.min(3, scored.size()))) {
            result.add(choices.get((int) score[1]));
        }
        return result;
    }
}
