package io.gatepass.cli.internal.aws.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Test
    void kebab_whenCamelCase_splitsWordsLikeBotocore() {
        assertThat(Names.kebab("GetComputeAuthToken")).isEqualTo("get-compute-auth-token");
        assertThat(Names.kebab("FleetId")).isEqualTo("fleet-id");
        assertThat(Names.kebab("domainOwner")).isEqualTo("domain-owner");
    }

    @Test
    void kebab_whenAcronyms_keepsThemAsOneWord() {
        assertThat(Names.kebab("EC2InstanceType")).isEqualTo("ec2-instance-type");
        assertThat(Names.kebab("ListOpenIDConnectProviders")).isEqualTo("list-open-id-connect-providers");
        assertThat(Names.kebab("GetSAMLProvider")).isEqualTo("get-saml-provider");
        assertThat(Names.kebab("PolicyARNs")).isEqualTo("policy-arns");
    }

    @Test
    void kebab_whenAlreadyKebab_returnsItUnchanged() {
        assertThat(Names.kebab("fleet-id")).isEqualTo("fleet-id");
    }

    @Test
    void javaClassName_capitalisesEachWord() {
        assertThat(Names.javaClassName("describe-ec2-instance-limits")).isEqualTo("DescribeEc2InstanceLimits");
    }
}
