package io.gatepass.server.testing;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The error an AWS SDK call must fail with, checked as a user of the SDK sees it. */
public final class AwsErrors {
    private AwsErrors() {
    }

    /**
     * Runs {@code call}, which must fail with the AWS error {@code code}, HTTP status {@code status} and a message
     * containing {@code messagePart}; returns the error for further checks.
     */
    public static AwsServiceException assertAwsError(Runnable call, String code, int status, String messagePart) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(AwsServiceException.class);
        AwsServiceException e = (AwsServiceException) thrown;
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        return e;
    }

    /** {@link #assertAwsError}, and the error names the request (x-amzn-RequestId), as AWS's errors do. */
    public static void assertAwsErrorWithRequestId(Runnable call, String code, int status, String messagePart) {
        assertThat(assertAwsError(call, code, status, messagePart).requestId()).isNotBlank();
    }
}
