package io.gatepass.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logback for the picocli commands, set up as {@link LogSetup} does (text on standard error) from the start. Named by
 * the {@code slf4j.provider} system property ({@link Main}), SLF4J takes it without looking for providers on the class
 * path, and logback's own start-up (its configurators, found by a service lookup, and {@code logback-test.xml},
 * {@code logback.xml} looked for on the class path: each a scan of every jar) never runs; {@link LogSetup#configure}
 * replaces this set-up as before, or keeps it when it is the one asked for. About 60 ms of a server's start (issue 12).
 */
public final class LogProvider implements SLF4JServiceProvider {
    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public void initialize() {
        context.setName("default"); // as logback names its own
        context.setMDCAdapter(mdc);
        LogSetup.configure(context, "text");
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99"; // the SLF4J 2.0 API, as logback's provider asks for
    }
}
