package io.gatepass.cli.internal.aws.model;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

import java.util.List;

/**
 * One member of a structure (or the element of a list, the value of a map), as the SDK field describes it.
 *
 * @param name      the model member name, e.g. "FleetId" ("member" / "value" for list elements and map values)
 * @param enumType  the SDK enum class of a string member (or of a list's elements), or null
 * @param minimumKey where the model facts keep the member's minimum (list elements add "[]", map keys "{key}", map
 *                  values "{value}"), or null when it has none to check (output structures)
 */
public record Member(String name, SdkField<?> field, Kind kind, boolean required, AwsService service,
                     Class<?> enumType, String minimumKey) {

    static Member of(String name, SdkField<?> field, boolean required, AwsService service, Class<?> enumType,
                     String minimumKey) {
        return new Member(name, field, Kind.of(field.marshallingType()), required, service, enumType, minimumKey);
    }

    /**
     * The minimum botocore's parameter validation checks, as the model writes it ("2", "0.125"): of a string's or a
     * list's length, of a number's value. Maps and blobs have none that aws checks.
     */
    public java.util.Optional<String> minimum() {
        return minimumAt(minimumKey);
    }

    /** The minimum length of a map member's keys, if the model gives one. */
    public java.util.Optional<String> keyMinimum() {
        return minimumAt(suffixed("{key}"));
    }

    private java.util.Optional<String> minimumAt(String key) {
        return key == null ? java.util.Optional.empty() : service.minimum(key);
    }

    /** The command-line option, e.g. --fleet-id. */
    public String cliName() {
        return Names.option(name);
    }

    /** The members of a structure member. */
    public StructureShape structure() {
        return StructureShape.of(field.constructor(), service);
    }

    /** The element of a list member. */
    public Member element() {
        SdkField<?> element = field.getTrait(ListTrait.class).memberFieldInfo();
        return Member.of("member", element, false, service,
                Kind.of(element.marshallingType()) == Kind.STRING ? enumType : null, suffixed("[]"));
    }

    /** The value of a map member (keys are strings). */
    public Member mapValue() {
        return Member.of("value", field.getTrait(MapTrait.class).valueFieldInfo(), false, service, null,
                suffixed("{value}"));
    }

    private String suffixed(String suffix) {
        return minimumKey == null ? null : minimumKey + suffix;
    }

    /** The enum's values in model order, or an empty list. */
    public List<String> enumValues() {
        if (enumType == null) {
            return List.of();
        }
        return java.util.Arrays.stream(enumType.getEnumConstants())
                .map(Object::toString)
                .filter(value -> !value.equals("null"))
                .toList();
    }
}
