package io.gatepass.cli.internal.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.gamelift.GameLiftClient;
import software.amazon.awssdk.services.gamelift.model.Compute;
import software.amazon.awssdk.services.gamelift.model.ConflictException;
import software.amazon.awssdk.services.gamelift.model.GetComputeAuthTokenResponse;
import software.amazon.awssdk.services.gamelift.model.NotFoundException;

/**
 * Registers this host as a compute and fetches its auth token. Registering is idempotent: a compute already
 * registered under the same name and address (an agent restarted after a crash) is taken over as it is; one
 * registered with another address or location is deregistered and registered again. A compute that disappears (an
 * operator deregistered it) is registered again on the next fetch.
 */
public final class ComputeRegistration implements TokenKeeper.TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeRegistration.class);

    private final GameLiftClient client;
    private final AgentSettings settings;
    private volatile RegisteredCompute registered;
    private volatile RegisteredCompute lastKnown;
    private volatile boolean everRegistered;

    public ComputeRegistration(GameLiftClient client, AgentSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** The compute as last registered, or null before the first registration. */
    public RegisteredCompute current() {
        return registered;
    }

    /** The compute as registered last, also while it is being registered again; null before the first time. */
    public RegisteredCompute lastKnown() {
        return lastKnown;
    }

    public RegisteredCompute register() {
        Compute compute;
        try {
            compute = registerCompute();
        } catch (ConflictException e) {
            LOG.warn("compute {} is registered in fleet {} with another address or location; deregistering it and "
                    + "registering it again", settings.computeName(), settings.fleetId());
            deregisterCompute();
            compute = registerCompute();
        }
        RegisteredCompute result = new RegisteredCompute(compute.fleetId(), compute.computeName(),
                compute.computeArn(), compute.location(), compute.gameLiftServiceSdkEndpoint());
        registered = result;
        lastKnown = result;
        everRegistered = true;
        LOG.info("registered compute {} in fleet {} at {} (location {}); game servers connect to {}",
                result.computeName(), result.fleetId(),
                settings.ipAddress() != null ? settings.ipAddress() : settings.dnsName(), result.location(),
                result.sdkEndpoint());
        return result;
    }

    /** Registers if needed (again, if the compute was removed) and asks for the compute's auth token. */
    @Override
    public AuthToken fetch() {
        try {
            if (registered == null) {
                register();
            }
            try {
                return token();
            } catch (NotFoundException e) {
                LOG.warn("compute {} is no longer registered in fleet {}; registering it again",
                        settings.computeName(), settings.fleetId());
                registered = null;
                register();
                return token();
            }
        } catch (AwsServiceException e) {
            if (!everRegistered && isPermanent(e)) {
                throw new AgentFatalException("cannot register compute " + settings.computeName() + " in fleet "
                        + settings.fleetId() + ": " + e.awsErrorDetails().errorCode() + ": "
                        + e.awsErrorDetails().errorMessage(), e);
            }
            throw e;
        }
    }

    /** Deregisters the compute, so that its tokens are refused. False if it could not be reached or refused. */
    public boolean deregister() {
        try {
            deregisterCompute();
            LOG.info("deregistered compute {} from fleet {}", settings.computeName(), settings.fleetId());
            registered = null;
            return true;
        } catch (NotFoundException e) {
            LOG.info("compute {} was not registered in fleet {} any more", settings.computeName(), settings.fleetId());
            registered = null;
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not deregister compute {} from fleet {}: {}", settings.computeName(), settings.fleetId(),
                    e.getMessage());
            return false;
        }
    }

    private Compute registerCompute() {
        return client.registerCompute(r -> r.fleetId(settings.fleetId()).computeName(settings.computeName())
                .location(settings.location()).ipAddress(settings.ipAddress()).dnsName(settings.dnsName())).compute();
    }

    private void deregisterCompute() {
        client.deregisterCompute(r -> r.fleetId(settings.fleetId()).computeName(settings.computeName()));
    }

    private AuthToken token() {
        GetComputeAuthTokenResponse response = client.getComputeAuthToken(r -> r.fleetId(settings.fleetId())
                .computeName(settings.computeName()));
        return new AuthToken(response.authToken(), response.expirationTimestamp());
    }

    private static boolean isPermanent(AwsServiceException e) {
        return e.statusCode() >= 400 && e.statusCode() < 500 && !e.isThrottlingException()
                && !e.isClockSkewException();
    }
}
