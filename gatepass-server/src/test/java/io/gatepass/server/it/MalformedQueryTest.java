package io.gatepass.server.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.gatepass.server.testing.GatepassServerExtension;
import io.gatepass.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed query-protocol body with a malformed percent-escape is the query protocol's MalformedQueryString, never a
 * 500; and whatever happens to a request, its body is never written to the log.
 */
class MalformedQueryTest {
    private static final String MARKER = "TokenCode=hunter2-never-logged";
    @RegisterExtension
    static final GatepassServerExtension GATEPASS = new GatepassServerExtension();

    @Test
    void signedBody_withInvalidHexEscape_isMalformedQueryString() throws Exception {
        HttpResponse<String> response = GATEPASS.server().signedQuery(TestServer.admin(), "sts",
                "Action=GetCallerIdentity&Version=2011-06-15&x=%ZZ", Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<Code>MalformedQueryString</Code>").contains("<Type>Sender</Type>");
    }

    @Test
    void signedBody_withTrailingPercent_isMalformedQueryString() throws Exception {
        HttpResponse<String> response = GATEPASS.server().signedQuery(TestServer.admin(), "iam",
                "Action=ListUsers&Version=2010-05-08&x=%", Clock.systemUTC());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<Code>MalformedQueryString</Code>");
    }

    @Test
    void malformedBody_isNeverWrittenToTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            GATEPASS.server().signedQuery(TestServer.admin(), "sts",
                    "Action=GetCallerIdentity&Version=2011-06-15&" + MARKER + "&x=%Z", Clock.systemUTC());
            GATEPASS.server().signedQuery(TestServer.admin(), "sts",
                    "Action=GetCallerIdentity&Version=2011-06-15&" + MARKER + "&x=%", Clock.systemUTC());
        } finally {
            root.detachAppender(captured);
        }
        for (ILoggingEvent event : captured.list) {
            assertThat(event.getFormattedMessage()).doesNotContain("hunter2");
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2");
            }
        }
    }
}
