package io.gatepass.server.internal.protocol.query;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.base.GeneratorBase;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A Jackson generator that writes an output record's members straight into an {@link XmlWriter}, in the form the
 * query protocol gives them: a member is an element, a list's items are {@code <member>} elements, a null is left out.
 * The root object's members go into the {@code <XResult>} element, which is written only when the root object has
 * members. Scalars are spelled as Jackson's tree nodes spell them ({@code JsonNode.asText()}), which is how the
 * protocol wrote them when it went through a tree; raw values are not supported.
 */
final class XmlEvents extends GeneratorBase {
    private final XmlWriter xml;
    private final String result;
    /** The element name of each open container, the root's at 0; null for the root container. */
    private String[] names = new String[8];
    /** Whether each open container is a list. */
    private boolean[] lists = new boolean[8];
    private int depth = -1;
    /** The member name waiting for its value. */
    private String pending;
    private boolean resultOpen;
    /** A root list: its items are not written, yet as in a tree any item opens the result element. */
    private boolean rootList;

    XmlEvents(XmlWriter xml, String result) {
        super(0, null);
        this.xml = xml;
        this.result = result;
    }

    /** Closes the result element, if a member opened it. */
    void finish() {
        if (resultOpen) {
            xml.close(result);
        }
    }

    private String nameForValue() {
        if (depth < 0) {
            return null;
        }
        if (rootList) {
            openResult();
            return null;
        }
        if (lists[depth]) {
            return "member";
        }
        String name = pending;
        pending = null;
        return name;
    }

    private void openResult() {
        if (!resultOpen) {
            resultOpen = true;
            xml.open(result);
        }
    }

    /** A scalar member or list item; null text is a null, left out. */
    private void scalar(String text) {
        String name = nameForValue();
        if (name != null) {
            xml.element(name, text);
        }
    }

    private void push(boolean list) {
        String name = nameForValue();
        if (++depth == names.length) {
            names = java.util.Arrays.copyOf(names, depth * 2);
            lists = java.util.Arrays.copyOf(lists, depth * 2);
        }
        names[depth] = name;
        lists[depth] = list;
        if (depth == 0) {
            rootList = list;
        } else if (name != null) {
            xml.open(name);
        }
    }

    private void pop() {
        String name = names[depth--];
        if (name != null) {
            xml.close(name);
        }
    }

    @Override
    public void writeStartArray() {
        push(true);
    }

    @Override
    public void writeEndArray() {
        pop();
    }

    @Override
    public void writeStartObject() {
        push(false);
    }

    @Override
    public void writeEndObject() {
        pop();
    }

    @Override
    public void writeFieldName(String name) {
        if (depth == 0) {
            openResult();
        }
        pending = name;
    }

    @Override
    public void writeFieldName(SerializableString name) {
        writeFieldName(name.getValue());
    }

    @Override
    public void writeString(String text) {
        scalar(text);
    }

    @Override
    public void writeString(char[] text, int offset, int length) {
        scalar(new String(text, offset, length));
    }

    @Override
    public void writeString(SerializableString text) {
        scalar(text.getValue());
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) {
        writeUTF8String(text, offset, length);
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) {
        scalar(new String(text, offset, length, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
        // A tree holds the bytes and spells them in the default variant, whatever the generator was given.
        byte[] bytes = offset == 0 && length == data.length ? data
                : java.util.Arrays.copyOfRange(data, offset, offset + length);
        scalar(Base64Variants.getDefaultVariant().encode(bytes, false));
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int length) {
        throw new UnsupportedOperationException("streamed binary members are not written as XML");
    }

    @Override
    public void writeNumber(int value) {
        scalar(Integer.toString(value));
    }

    @Override
    public void writeNumber(long value) {
        scalar(Long.toString(value));
    }

    @Override
    public void writeNumber(BigInteger value) {
        scalar(value == null ? null : value.toString());
    }

    @Override
    public void writeNumber(double value) {
        scalar(Double.toString(value));
    }

    @Override
    public void writeNumber(float value) {
        scalar(Float.toString(value));
    }

    @Override
    public void writeNumber(BigDecimal value) {
        // A tree node holds decimals without trailing zeros.
        scalar(value == null ? null : value.signum() == 0 ? "0" : value.stripTrailingZeros().toString());
    }

    @Override
    public void writeNumber(String encoded) {
        writeString(encoded);
    }

    @Override
    public void writeBoolean(boolean value) {
        scalar(value ? "true" : "false");
    }

    @Override
    public void writeNull() {
        scalar(null);
    }

    @Override
    public void writeRaw(String text) {
        throw raw();
    }

    @Override
    public void writeRaw(String text, int offset, int length) {
        throw raw();
    }

    @Override
    public void writeRaw(char[] text, int offset, int length) {
        throw raw();
    }

    @Override
    public void writeRaw(char c) {
        throw raw();
    }

    private static UnsupportedOperationException raw() {
        return new UnsupportedOperationException("raw values are not written as XML");
    }

    @Override
    public void flush() {
    }

    @Override
    protected void _releaseBuffers() {
    }

    @Override
    protected void _verifyValueWrite(String typeMsg) {
    }
}
