package io.gatepass.cli;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The text log format, {@value #PATTERN} as logback's pattern layout writes it, without building that layout at
 * start-up: its converter table (some 50 method references linked one by one) and the pattern's parse cost a cold
 * JVM some 25-30 ms of the main thread's CPU per start (issue 12, seventh pass). Lines with a stack trace are handed
 * to the pattern layout itself, made on the first such line, so a trace reads exactly as before.
 */
final class TextLineEncoder extends EncoderBase<ILoggingEvent> {
    /** The format, in logback's pattern syntax (its layout writes the lines that carry a stack trace). */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    /** How long a logger's name may be before its package names are cut to their first letters. */
    private static final int LOGGER_NAME_TARGET = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private volatile PatternLayoutEncoder withTrace;

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (event.getThrowableProxy() != null) {
            return withTrace().encode(event);
        }
        String level = event.getLevel().toString();
        String message = event.getFormattedMessage();
        StringBuilder line = new StringBuilder(48 + (message == null ? 4 : message.length()));
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        line.append(' ').append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(' ');
        appendLoggerName(line, event.getLoggerName(), LOGGER_NAME_TARGET);
        line.append(" - ").append(message).append(System.lineSeparator());
        return line.toString().getBytes(); // the platform's charset, as the pattern layout's encoder writes
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public void stop() {
        PatternLayoutEncoder encoder = withTrace;
        if (encoder != null) {
            encoder.stop();
        }
        super.stop();
    }

    /**
     * A logger's name as {@code %logger{target}} writes it: whole when shorter than {@code target}; otherwise its
     * package names, from the left, each cut to its first letter until as many characters are gone as the name is
     * over the target (the first one always; the class's own name never), the rest whole.
     */
    static void appendLoggerName(StringBuilder out, String name, int target) {
        int lastDot = name.lastIndexOf('.');
        if (name.length() < target || lastDot < 0) {
            out.append(name);
            return;
        }
        int excess = name.length() - target;
        int cut = 0;
        int start = 0;
        while (start < lastDot) {
            int end = name.indexOf('.', start);
            if (start > 0 && cut >= excess) {
                break;
            }
            if (end > start) {
                out.append(name.charAt(start));
                cut += end - start - 1;
            }
            out.append('.');
            start = end + 1;
        }
        out.append(name, start, name.length());
    }

    private PatternLayoutEncoder withTrace() {
        PatternLayoutEncoder encoder = withTrace;
        if (encoder == null) {
            synchronized (this) {
                encoder = withTrace;
                if (encoder == null) {
                    encoder = new PatternLayoutEncoder();
                    encoder.setContext(getContext());
                    encoder.setPattern(PATTERN);
                    encoder.start();
                    withTrace = encoder;
                }
            }
        }
        return encoder;
    }
}
