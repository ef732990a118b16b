package io.gatepass.store;

import io.gatepass.core.codeartifact.Domain;
import io.gatepass.core.codeartifact.DomainPolicy;
import io.gatepass.core.codeartifact.Repository;

import java.util.List;

import static io.gatepass.store.Fixtures.T0;

/** CodeArtifact records for the store tests. */
final class CodeArtifactFixtures {
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},\"Action\":\"codeartifact:*\","
            + "\"Resource\":\"*\"}]}";

    private CodeArtifactFixtures() {
    }

    static Domain domain(String owner, String name) {
        return new Domain(owner, name, "arn:aws:codeartifact:us-east-1:" + owner + ":domain/" + name,
                Domain.STATUS_ACTIVE, T0, null);
    }

    /** A repository the domain owner administers, without description or upstreams. */
    static Repository repository(Domain domain, String name) {
        return repository(domain, name, domain.owner());
    }

    static Repository repository(Domain domain, String name, String administratorAccount) {
        return new Repository(domain.owner(), domain.name(), name, "arn:aws:codeartifact:us-east-1:" + domain.owner()
                + ":repository/" + domain.name() + "/" + name, administratorAccount, null, List.of(), T0);
    }

    static DomainPolicy policy(Domain domain, String revision) {
        return new DomainPolicy(domain.owner(), domain.name(), POLICY, revision);
    }
}
