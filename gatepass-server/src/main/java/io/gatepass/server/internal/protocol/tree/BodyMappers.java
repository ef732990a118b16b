package io.gatepass.server.internal.protocol.tree;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gatepass.server.internal.api.BoundOperation;
import io.gatepass.server.internal.api.Naming;
import io.gatepass.server.internal.protocol.DecodedCall;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** For one body format (JSON or CBOR): the strict input binder and the output writer of each member naming. */
public final class BodyMappers {
    private final Map<Naming, ObjectMapper> binders = new EnumMap<>(Naming.class);
    private final Map<Naming, ObjectWriter> writers = new EnumMap<>(Naming.class);

    public BodyMappers(Function<Naming, ObjectMapper> mappers) {
        for (Naming naming : Naming.values()) {
            binders.put(naming, JsonProtocolSupport.strict(mappers.apply(naming)));
            writers.put(naming, JsonProtocolSupport.outputWriter(mappers.apply(naming)));
            readers.put(naming, new ConcurrentHashMap<>());
        }
    }

    /**
     * A reader per member naming and input type, made once: binding through it skips the type construction and root
     * deserializer look-up that {@code ObjectMapper.treeToValue} repeats on every call.
     */
    private final Map<Naming, Map<Class<?>, ObjectReader>> readers = new EnumMap<>(Naming.class);

    /** The call's input tree as its operation's input record. */
    public Object bind(DecodedCall call) {
        BoundOperation<?, ?> operation = call.operation();
        Naming naming = operation.service().naming();
        ObjectReader reader = readers.get(naming).computeIfAbsent(operation.inputType(),
                type -> binders.get(naming).readerFor(type));
        return JsonProtocolSupport.bind(reader, call.input());
    }

    public ObjectWriter writer(Naming naming) {
        return writers.get(naming);
    }
}
