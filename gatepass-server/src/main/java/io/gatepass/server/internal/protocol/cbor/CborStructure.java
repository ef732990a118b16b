package io.gatepass.server.internal.protocol.cbor;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;

/**
 * Walks a CBOR body before it is parsed, refusing what rpcv2Cbor does not allow and a general parser would let
 * through: map keys that are not text strings, {@code undefined} and unassigned simple values, and nesting deeper
 * than the limit. Lengths are checked against the bytes present, so nothing is allocated for a forged length.
 */
final class CborStructure {
    private final byte[] body;
    private final int maxDepth;
    private int at;

    private CborStructure(byte[] body, int maxDepth) {
        this.body = body;
        this.maxDepth = maxDepth;
    }

    static void check(byte[] body, int maxDepth) {
        if (body.length == 0) {
            return;
        }
        CborStructure walk = new CborStructure(body, maxDepth);
        walk.item(0);
        if (walk.at != body.length) {
            throw malformed("it has bytes after its single top-level item");
        }
    }

    private int item(int depth) {
        int initial = next();
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            simple(info);
            return major;
        }
        if (info >= 28 && info <= 30) {
            throw malformed("it uses a reserved length encoding");
        }
        boolean indefinite = info == 31;
        if (indefinite && (major == 0 || major == 1 || major == 6)) {
            throw malformed("an integer or tag has an indefinite length");
        }
        long argument = indefinite ? -1 : argument(info);
        switch (major) {
            case 0, 1 -> { }
            case 2, 3 -> {
                if (indefinite) {
                    while (!breakNext()) {
                        if (item(depth) != major) {
                            throw malformed("a chunk of an indefinite string has another type");
                        }
                    }
                } else {
                    skip(argument);
                }
            }
            case 4 -> {
                deeper(depth);
                for (long i = 0; indefinite ? !breakNext() : i < argument; i++) {
                    item(depth + 1);
                }
            }
            case 5 -> {
                deeper(depth);
                for (long i = 0; indefinite ? !breakNext() : i < argument; i++) {
                    if (peekMajor() != 3) {
                        throw CommonErrors.SERIALIZATION.exception("CBOR map keys must be text strings.");
                    }
                    item(depth + 1);
                    item(depth + 1);
                }
            }
            case 6 -> item(depth);
            default -> throw malformed("it has an unknown major type");
        }
        return major;
    }

    private void simple(int info) {
        switch (info) {
            case 20, 21, 22 -> { } // false, true, null
            case 23 -> throw CommonErrors.SERIALIZATION.exception("CBOR undefined is not a valid value.");
            case 25 -> skip(2);
            case 26 -> skip(4);
            case 27 -> skip(8);
            case 31 -> throw malformed("it has a break outside an indefinite-length item");
            default -> throw malformed("it uses an unassigned simple value");
        }
    }

    private void deeper(int depth) {
        if (depth + 1 > maxDepth) {
            throw malformed("values nested too deeply");
        }
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        int bytes = 1 << (info - 24);
        if (body.length - at < bytes) {
            throw malformed("it ends inside an item");
        }
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | (body[at++] & 0xff);
        }
        if (value < 0) {
            throw malformed("a length is too large");
        }
        return value;
    }

    private void skip(long bytes) {
        if (bytes > body.length - at) {
            throw malformed("it ends inside an item");
        }
        at += (int) bytes;
    }

    private boolean breakNext() {
        if (at < body.length && (body[at] & 0xff) == 0xff) {
            at++;
            return true;
        }
        return false;
    }

    private int peekMajor() {
        if (at >= body.length) {
            throw malformed("it ends inside an item");
        }
        return (body[at] & 0xff) >>> 5;
    }

    private int next() {
        if (at >= body.length) {
            throw malformed("it ends inside an item");
        }
        return body[at++] & 0xff;
    }

    private static ServiceException malformed(String why) {
        return CommonErrors.SERIALIZATION.exception("Could not parse the request body as CBOR: " + why);
    }
}
