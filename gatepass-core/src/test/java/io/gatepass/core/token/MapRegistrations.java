package io.gatepass.core.token;

import io.gatepass.core.token.ComputeRegistrations.Registration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Live registrations in a map: register, deregister, or point an id at another compute. */
class MapRegistrations implements ComputeRegistrations {
    private final Map<String, Registration> byId = new HashMap<>();

    @Override
    public Optional<Registration> find(String registrationId) {
        return Optional.ofNullable(byId.get(registrationId));
    }

    Registration register(Registration registration) {
        byId.put(registration.registrationId(), registration);
        return registration;
    }

    void deregister(String registrationId) {
        byId.remove(registrationId);
    }
}
