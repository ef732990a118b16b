package io.gatepass.core.error;

/** Who is to blame for a failed request, as retry logic sees it: the sender (do not retry as is) or the receiver. */
public enum Fault {
    SENDER,
    RECEIVER
}
