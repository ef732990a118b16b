package io.gatepass.cli.internal.aws.output;

/**
 * What a scalar allows when written in YAML, judged character by character as libyaml's emitter (used by aws v2
 * through ruamel.yaml) does: plain, single-quoted, or only double-quoted with escapes.
 */
record YamlScalarAnalysis(boolean multiline, boolean blockPlainAllowed, boolean singleQuotedAllowed) {

    static YamlScalarAnalysis of(String value) {
        if (value.isEmpty()) {
            return new YamlScalarAnalysis(false, true, true);
        }
        int[] cps = value.codePoints().toArray();
        boolean blockIndicators = value.startsWith("---") || value.startsWith("...");
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = blankOrEnd(cps, 1);
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                    blockIndicators = true;
                }
                if ((c == '?' || c == ':') && followedByWhitespace) {
                    blockIndicators = true;
                }
                if (c == '-' && followedByWhitespace) {
                    blockIndicators = true;
                }
            } else {
                if (c == ':' && followedByWhitespace) {
                    blockIndicators = true;
                }
                if (c == '#' && precededByWhitespace) {
                    blockIndicators = true;
                }
            }
            if (!printable(c)) {
                special = true;
            }
            if (isBreak(c)) {
                lineBreaks = true;
            }
            boolean last = i == cps.length - 1;
            if (c == ' ') {
                leadingSpace |= i == 0;
                trailingSpace |= last;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                leadingBreak |= i == 0;
                trailingBreak |= last;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = blank(c) || isBreak(c);
            if (!last) {
                followedByWhitespace = blankOrEnd(cps, i + 2);
            }
        }
        boolean plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak
                || special || lineBreaks || blockIndicators);
        boolean single = !(breakSpace || spaceBreak || special);
        return new YamlScalarAnalysis(lineBreaks, plain, single);
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** libyaml's printable set: LF, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD except the BOM; nothing beyond the BMP. */
    static boolean printable(int c) {
        return c == 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff)
                || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff);
    }

    private static boolean blank(int c) {
        return c == ' ' || c == '\t';
    }

    private static boolean blankOrEnd(int[] cps, int index) {
        return index >= cps.length || blank(cps[index]) || isBreak(cps[index]) || cps[index] == 0;
    }
}
