package io.gatepass.server.internal.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseHeaderTextTest {

    @Test
    void of_givesTheSameText_prebuiltForTheCommonHeaders_andAnyOtherAsGiven() {
        for (String text : new String[] {"Content-Type", "x-amzn-RequestId", "x-amzn-ErrorType", "application/json",
                "application/x-amz-json-1.1", "text/xml"}) {
            CharSequence written = ResponseHeaderText.of(new String(text)); // equal text, not the same String
            assertThat(written.toString()).isEqualTo(text);
            assertThat(written).isInstanceOf(io.netty.util.AsciiString.class);
        }
        String requestId = "0f9e0a4e-5c3b-4a1e-9c1f-0123456789ab";
        assertThat(ResponseHeaderText.of(requestId)).isSameAs(requestId);
        assertThat(ResponseHeaderText.of("x-amz-meta-é")).isEqualTo("x-amz-meta-é");
    }
}
