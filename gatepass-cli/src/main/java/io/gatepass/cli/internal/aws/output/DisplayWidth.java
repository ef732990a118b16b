package io.gatepass.cli.internal.aws.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The width aws v2's tables give a text: one column per character, two for characters Unicode calls East Asian
 * Wide, Fullwidth or Ambiguous (Unicode 14, as in the Python that runs aws v2). The ranges load on first non-ASCII use.
 */
final class DisplayWidth {

    private static int[] wideRanges;

    private DisplayWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            width += codePoint < 0xa1 ? 1 : (isWide(codePoint) ? 2 : 1);
        }
        return width;
    }

    private static boolean isWide(int codePoint) {
        int[] ranges = ranges();
        int low = 0;
        int high = ranges.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (codePoint < ranges[2 * mid]) {
                high = mid - 1;
            } else if (codePoint > ranges[2 * mid + 1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static synchronized int[] ranges() {
        if (wideRanges == null) {
            try (InputStream in = DisplayWidth.class.getResourceAsStream("east-asian-wide.txt")) {
                String[] parts = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split(",");
                int[] ranges = new int[parts.length * 2];
                for (int i = 0; i < parts.length; i++) {
                    int dash = parts[i].indexOf('-');
                    ranges[2 * i] = Integer.parseInt(dash < 0 ? parts[i] : parts[i].substring(0, dash), 16);
                    ranges[2 * i + 1] = Integer.parseInt(dash < 0 ? parts[i] : parts[i].substring(dash + 1), 16);
                }
                wideRanges = ranges;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return wideRanges;
    }
}
