package io.gatepass.core.error;

/** Who is to blame for a failed request, as the query protocol's {@code <Type>} and the retry logic see it. */
public enum Fault {
    SENDER("Sender"),
    RECEIVER("Receiver");

    private final String wireName;

    Fault(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
