package io.gatepass.server.internal.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gatepass.server.internal.api.Naming;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Jackson mappers that turn input and output records into each protocol's form. They differ in member spelling
 * (per service) and in how timestamps travel: epoch seconds in JSON, CBOR tag 1 in CBOR, ISO-8601 text in XML.
 */
public final class WireMappers {
    private final Map<Naming, ObjectMapper> json = new EnumMap<>(Naming.class);
    private final Map<Naming, ObjectMapper> cbor = new EnumMap<>(Naming.class);
    private final Map<Naming, ObjectMapper> text = new EnumMap<>(Naming.class);

    private final int maxNestingDepth;

    public WireMappers() {
        this(StreamReadConstraints.DEFAULT_MAX_DEPTH);
    }

    /** @param maxNestingDepth how deep objects and lists may nest in a request body; deeper ones fail to parse */
    public WireMappers(int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build();
        for (Naming naming : Naming.values()) {
            json.put(naming, configure(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints)
                    .build()).build(), naming, new EpochSecondsSerializer()));
            cbor.put(naming, configure(CBORMapper.builder(CBORFactory.builder().streamReadConstraints(constraints)
                    .build()).build(), naming, new CborTimestampSerializer()));
            text.put(naming, configure(JsonMapper.builder().build(), naming, new IsoSerializer()));
        }
    }

    /** How deep objects and lists may nest in a request body. */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** JSON bodies (awsJson1_1, restJson): timestamps as epoch seconds. */
    public ObjectMapper json(Naming naming) {
        return json.get(naming);
    }

    /** CBOR bodies (rpcv2Cbor): timestamps as tag 1 epoch seconds. */
    public ObjectMapper cbor(Naming naming) {
        return cbor.get(naming);
    }

    /** Trees destined for XML or form parameters (query protocol): timestamps as ISO-8601 text. */
    public ObjectMapper text(Naming naming) {
        return text.get(naming);
    }

    private static ObjectMapper configure(ObjectMapper mapper, Naming naming, JsonSerializer<Instant> instants) {
        SimpleModule time = new SimpleModule("gatepass-time");
        time.addSerializer(Instant.class, instants);
        time.addDeserializer(Instant.class, new InstantDeserializer());
        mapper.registerModule(time);
        mapper.setPropertyNamingStrategy(naming == Naming.PASCAL_CASE
                ? PropertyNamingStrategies.UPPER_CAMEL_CASE : PropertyNamingStrategies.LOWER_CAMEL_CASE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        return mapper;
    }

    private static final class EpochSecondsSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeEpochSeconds(value, gen);
        }
    }

    private static final class CborTimestampSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (gen instanceof CBORGenerator cborGenerator) {
                cborGenerator.writeTag(1);
            }
            writeEpochSeconds(value, gen);
        }
    }

    private static final class IsoSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static void writeEpochSeconds(Instant value, JsonGenerator gen) throws IOException {
        if (value.getNano() == 0) {
            gen.writeNumber(value.getEpochSecond());
        } else {
            gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3).doubleValue());
        }
    }

    /** Accepts epoch seconds (integer or fractional) and ISO-8601 text, whatever the protocol. */
    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node.isNumber()) {
                BigDecimal seconds = node.decimalValue();
                return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
            }
            try {
                return Instant.parse(node.asText());
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, node.asText(), "not a timestamp");
            }
        }
    }
}
