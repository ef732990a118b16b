package io.gatepass.server.internal.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

class ScopePolicyTest {

    @Test
    void awsCompatible_whenIamAndStsServed_acceptsUsEast1ForThemOnly() {
        ScopePolicy policy = ScopePolicy.awsCompatible("eu-central-1", List.of("gamelift", "iam", "sts"));

        assertThat(policy.acceptsRegion("iam", "us-east-1")).isTrue();
        assertThat(policy.acceptsRegion("sts", "us-east-1")).isTrue();
        assertThat(policy.acceptsRegion("gamelift", "us-east-1")).isFalse();
        assertThat(policy.acceptsRegion("gamelift", "eu-central-1")).isTrue();
        assertThat(policy.regionsFor("iam")).containsExactly("eu-central-1", "us-east-1");
        assertThat(policy.regionsFor("unknown")).containsExactly("eu-central-1");
    }

    @Test
    void awsCompatible_whenServerIsInUsEast1_listsTheRegionOnce() {
        ScopePolicy policy = ScopePolicy.awsCompatible("us-east-1", List.of("iam"));

        assertThat(policy.regionsFor("iam")).containsExactly("us-east-1");
    }

    @Test
    void of_whenServicesGiven_acceptsExactlyThose() {
        ScopePolicy policy = ScopePolicy.of("us-west-2", List.of("sts", "codeartifact"));

        assertThat(policy.services()).containsExactly("codeartifact", "sts");
        assertThat(policy.acceptsService("sts")).isTrue();
        assertThat(policy.acceptsService("s3")).isFalse();
        assertThat(policy.acceptsRegion("sts", "us-east-1")).isFalse();
        assertThat(policy.region()).isEqualTo("us-west-2");
    }

    @Test
    void alsoAccept_whenServiceUnknownOrNoServices_refuses() {
        assertThatThrownBy(() -> ScopePolicy.of("us-west-2", List.of("sts")).alsoAccept("iam", "us-east-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScopePolicy.of("us-west-2", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
