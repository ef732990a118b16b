package io.gatepass.cli.internal.aws;

/** Python difflib.SequenceMatcher's ratio() for two short strings: 2 * matches / total length. */
final class SequenceMatcher {

    private SequenceMatcher() {
    }

    static double ratio(String a, String b) {
        int total = a.length() + b.length();
        return total == 0 ? 1.0 : 2.0 * matches(a, 0, a.length(), b, 0, b.length()) / total;
    }

    /** Sum of the matching blocks: the longest common substring, then recursively left and right of it. */
    private static int matches(String a, int alo, int ahi, String b, int blo, int bhi) {
        int bestI = alo;
        int bestJ = blo;
        int bestSize = 0;
        for (int i = alo; i < ahi; i++) {
            for (int j = blo; j < bhi; j++) {
                int k = 0;
                while (i + k < ahi && j + k < bhi && a.charAt(i + k) == b.charAt(j + k)) {
                    k++;
                }
                if (k > bestSize) {
                    bestI = i;
                    bestJ = j;
                    bestSize = k;
                }
            }
        }
        if (bestSize == 0) {
            return 0;
        }
        return bestSize + matches(a, alo, bestI, b, blo, bestJ)
                + matches(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi);
    }
}
