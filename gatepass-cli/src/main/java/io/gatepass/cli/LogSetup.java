package io.gatepass.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

/** Logs to standard error, as text or as one JSON object per line. */
public final class LogSetup {
    /** The format a context was last set up with here (a context object), so that the same one is not set up twice. */
    private static final String FORMAT_KEY = LogSetup.class.getName() + ".format";

    private LogSetup() {
    }

    /**
     * For one-shot commands ({@code store}, {@code audit}): warnings and errors of our own code only, as text. They
     * report a failure in one line of their own; the pool's and the migrations' traces would bury it.
     */
    public static void quiet() {
        configure("text");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        for (String library : new String[] {"com.zaxxer.hikari", "org.flywaydb", "org.h2"}) {
            context.getLogger(library).setLevel(Level.OFF);
        }
        context.removeObject(FORMAT_KEY); // no longer as configure() leaves it
    }

    public static void configure(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--log-format must be text or json, got '" + format + "'");
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (!format.equals(context.getObject(FORMAT_KEY))) { // else set up so already (LogProvider starts with text)
            configure(context, format);
        }
    }

    /** Sets {@code context} up from scratch: one appender on standard error in {@code format} (text or json). */
    static void configure(LoggerContext context, String format) {
        context.reset();
        Encoder<ILoggingEvent> encoder;
        if (format.equals("json")) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.start();
            encoder = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(context);
            text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
            text.start();
            encoder = text;
        }
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        for (String noisy : new String[] {"io.netty", "io.vertx", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
        context.putObject(FORMAT_KEY, format);
    }
}
