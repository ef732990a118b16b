package io.gatepass.server.internal.endpoints.sdk;

import java.time.Duration;

/**
 * The websocket's timing. AWS publishes few of these numbers; the defaults follow what it does publish (ProcessReady
 * within 5 minutes, terminated after 3 minutes unhealthy) and what the SDKs do (heartbeat every 60 s, reconnect for
 * up to 3 minutes).
 *
 * @param activationTimeout  a connection that has not sent ActivateServerProcess by then is closed
 * @param heartbeatTimeout   an active process silent this long is marked unhealthy
 * @param unhealthyTimeout   an unhealthy process is sent TerminateProcess after this long
 * @param terminationNotice  TerminationTime of a TerminateProcess push is this far ahead
 * @param reconnectGrace     a dropped process that has not reconnected by then has ended (game session INTERRUPTED)
 * @param replacedDrain      a connection replaced by a newer one for the same pID is closed after this long
 * @param refreshBefore      RefreshConnection is pushed this long before the connection's token expires ...
 * @param refreshRetry       ... and again this often until the process has reconnected with the new token
 * @param checkPeriod        how often the timers are checked
 */
public record SdkSettings(Duration activationTimeout, Duration heartbeatTimeout, Duration unhealthyTimeout,
                          Duration terminationNotice, Duration reconnectGrace, Duration replacedDrain,
                          Duration refreshBefore, Duration refreshRetry, Duration checkPeriod) {
    public static final SdkSettings DEFAULTS = new SdkSettings(Duration.ofMinutes(5), Duration.ofMinutes(3),
            Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(3), Duration.ofSeconds(30),
            Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(5));
}
