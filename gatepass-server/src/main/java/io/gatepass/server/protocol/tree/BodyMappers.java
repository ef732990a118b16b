package io.gatepass.server.protocol.tree;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gatepass.server.api.BoundOperation;
import io.gatepass.server.api.Naming;
import io.gatepass.server.protocol.DecodedCall;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** For one body format (JSON or CBOR): the strict input binder and the output writer of each member naming. */
public final class BodyMappers {
    private final Map<Naming, ObjectMapper> binders = new EnumMap<>(Naming.class);
    private final Map<Naming, ObjectWriter> writers = new EnumMap<>(Naming.class);

    public BodyMappers(Function<Naming, ObjectMapper> mappers) {
        for (Naming naming : Naming.values()) {
            binders.put(naming, JsonProtocolSupport.strict(mappers.apply(naming)));
            writers.put(naming, JsonProtocolSupport.outputWriter(mappers.apply(naming)));
        }
    }

    /** The call's input tree as its operation's input record. */
    public Object bind(DecodedCall call) {
        BoundOperation<?, ?> operation = call.operation();
        return JsonProtocolSupport.bind(binders.get(operation.service().naming()), call.input(),
                operation.inputType());
    }

    public ObjectWriter writer(Naming naming) {
        return writers.get(naming);
    }
}
