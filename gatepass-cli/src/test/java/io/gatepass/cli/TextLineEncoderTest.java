package io.gatepass.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The text format's lines are the ones logback's pattern layout writes for {@link TextLineEncoder#PATTERN}. */
class TextLineEncoderTest {
    private static final Level[] LEVELS = {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE};

    private final LoggerContext context = new LoggerContext();
    private final TextLineEncoder encoder = started(new TextLineEncoder());
    private final PatternLayoutEncoder layout = layout();

    @Test
    void encode_anyLoggerLevelAndMessage_writesWhatThePatternLayoutWrites() {
        Random random = new Random(20261207L);
        List<String> names = new ArrayList<>(List.of("io.gatepass.server.GatepassServer",
                "io.gatepass.server.internal.tls.ServerCertificate", "com.zaxxer.hikari.HikariDataSource",
                "io.gatepass.store.internal.jdbc.StoreTemplate", "ROOT", "Main", "a.b.C", "abcdefghij.klmnopqrs",
                "abcdefghij.klmnopqrst", "abcdefghij.klmnopqrstu", "x.y.ThisClassNameIsLongerThanTwenty",
                "io.gatepass.cli.Main$Inner"));
        for (int i = 0; i < 2000; i++) {
            names.add(randomName(random));
        }
        for (String name : names) {
            LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger(name),
                    LEVELS[random.nextInt(LEVELS.length)], randomMessage(random),
                    null, new Object[] {random.nextInt(1000), "k" + random.nextInt(50)});
            event.setTimeStamp(1_700_000_000_000L + random.nextInt(Integer.MAX_VALUE) * 7L);

            assertThat(text(encoder.encode(event))).as(name).isEqualTo(text(layout.encode(event)));
        }
    }

    @Test
    void encode_anEventWithAStackTrace_writesItAsThePatternLayoutDoes() {
        Exception cause = new IllegalStateException("the store is locked");
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("io.gatepass.server.Start"),
                Level.ERROR, "cannot start: {}", new RuntimeException("start failed", cause), new Object[] {"h2"});

        String line = text(encoder.encode(event));

        assertThat(line).isEqualTo(text(layout.encode(event)))
                .contains("ERROR i.g.server.Start - cannot start: h2")
                .contains("java.lang.RuntimeException: start failed")
                .contains("Caused by: java.lang.IllegalStateException: the store is locked");
    }

    @Test
    void appendLoggerName_shortNamesStayWhole_longOnesLoseTheirPackagesLettersFromTheLeft() {
        assertThat(abbreviated("io.gatepass.Main")).isEqualTo("io.gatepass.Main");
        assertThat(abbreviated("io.gatepass.server.GatepassServer")).isEqualTo("i.g.s.GatepassServer");
        assertThat(abbreviated("org.h2.Driver")).isEqualTo("org.h2.Driver");
        assertThat(abbreviated("ServerCertificateOfTheNode")).isEqualTo("ServerCertificateOfTheNode");
    }

    private static String abbreviated(String name) {
        StringBuilder out = new StringBuilder();
        TextLineEncoder.appendLoggerName(out, name, 20);
        return out.toString();
    }

    private static String randomName(Random random) {
        int segments = random.nextInt(7);
        StringBuilder name = new StringBuilder();
        for (int s = 0; s < segments; s++) {
            int length = 1 + random.nextInt(10);
            for (int c = 0; c < length; c++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            name.append('.');
        }
        name.append((char) ('A' + random.nextInt(26)));
        int length = random.nextInt(24);
        for (int c = 0; c < length; c++) {
            name.append(random.nextInt(8) == 0 ? '$' : (char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static String randomMessage(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "created key {} for {}";
            case 1 -> "listening on 127.0.0.1:" + random.nextInt(65536) + " ({})";
            case 2 -> "";
            default -> "ünïcode {} and % and {} and \\{}";
        };
    }

    private static String text(byte[] bytes) {
        return new String(bytes, Charset.defaultCharset());
    }

    private TextLineEncoder started(TextLineEncoder encoder) {
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private PatternLayoutEncoder layout() {
        PatternLayoutEncoder layout = new PatternLayoutEncoder();
        layout.setContext(context);
        layout.setPattern(TextLineEncoder.PATTERN);
        layout.start();
        return layout;
    }
}
