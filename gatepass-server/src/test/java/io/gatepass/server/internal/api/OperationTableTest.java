package io.gatepass.server.internal.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationTableTest {
    private static final ServiceDescriptor ONE = new ServiceDescriptor("one", "One", Naming.PASCAL_CASE,
            CommonErrors.SERIALIZATION, ErrorSpelling.JSON);
    private static final ServiceDescriptor TWO = new ServiceDescriptor("two", "Two", Naming.CAMEL_CASE,
            CommonErrors.SERIALIZATION, ErrorSpelling.JSON);

    private final OperationTable table = new OperationTable()
            .add(ONE, "Ping", Empty.class, (input, context) -> Empty.INSTANCE)
            .add(ONE, "Pong", Empty.class, (input, context) -> Empty.INSTANCE)
            .add(TWO, "Ping", Empty.class, (input, context) -> Empty.INSTANCE);

    @Test
    void find_whenServiceAndNameRegistered_findsThatOperation() {
        assertThat(table.find("one", "Pong")).get().extracting(BoundOperation::service, BoundOperation::name)
                .containsExactly(ONE, "Pong");
        assertThat(table.find("two", "Ping")).get().extracting(BoundOperation::service).isEqualTo(TWO);
    }

    @Test
    void find_whenServiceOrNameUnknown_findsNothing() {
        assertThat(table.find("two", "Pong")).isEmpty();
        assertThat(table.find("three", "Ping")).isEmpty();
        assertThat(table.find("one", "ping")).isEmpty();
    }

    @Test
    void serviceByWireName_findsTheServiceOfThatWireNameOnly() {
        assertThat(table.serviceByWireName("Two")).contains(TWO);
        assertThat(table.serviceByWireName("two")).isEmpty();
    }

    @Test
    void all_listsEveryOperationByServiceAndName() {
        assertThat(table.all()).extracting(o -> o.service().signingName() + "." + o.name())
                .containsExactly("one.Ping", "one.Pong", "two.Ping");
    }

    @Test
    void add_whenOperationOrWireNameTaken_isRefused() {
        assertThatThrownBy(() -> table.add(ONE, "Ping", Empty.class, (input, context) -> Empty.INSTANCE))
                .isInstanceOf(IllegalStateException.class);
        ServiceDescriptor impostor = new ServiceDescriptor("three", "One", Naming.PASCAL_CASE,
                CommonErrors.SERIALIZATION, ErrorSpelling.JSON);
        assertThatThrownBy(() -> table.add(impostor, "Ping", Empty.class, (input, context) -> Empty.INSTANCE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wire name One");
    }
}
