package io.gatepass.cli.internal.aws.model;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** A structure: its members in model order, from the SDK builder's {@code sdkFields()}, and a way to build one. */
public final class StructureShape {

    private final String name;
    private final Supplier<SdkPojo> builders;
    private final Set<String> required;
    private final AwsService service;
    private final String minimumPrefix;
    private final List<SdkField<?>> fields;
    private List<Member> members;

    private StructureShape(String name, Supplier<SdkPojo> builders, Set<String> required, AwsService service,
                           String minimumPrefix) {
        this.name = name;
        this.builders = builders;
        this.required = required;
        this.service = service;
        this.minimumPrefix = minimumPrefix;
        this.fields = builders.get().sdkFields();
    }

    /** A nested structure, from the SDK's builder supplier. */
    static StructureShape of(Supplier<SdkPojo> builders, AwsService service) {
        String className = pojoClassName(builders.get());
        return new StructureShape(className, builders, service.requiredMembers(className), service,
                "min." + className.toLowerCase(Locale.ROOT) + ".");
    }

    /** An operation's input, whose required members and minimums come from the operation. */
    static StructureShape input(Supplier<SdkPojo> builders, Set<String> required, AwsService service,
                                String operation) {
        return new StructureShape(pojoClassName(builders.get()), builders, required, service,
                "input-min." + operation + ".");
    }

    /** An operation's output: nothing required, nothing validated. */
    static StructureShape output(Supplier<SdkPojo> builders, AwsService service) {
        return new StructureShape(pojoClassName(builders.get()), builders, Set.of(), service, null);
    }

    /** The SDK class's simple name, e.g. "IpPermission". */
    public String name() {
        return name;
    }

    /** A new, empty SDK builder for this structure. */
    public SdkPojo newBuilder() {
        return builders.get();
    }

    public List<Member> members() {
        if (members == null) {
            Map<String, Class<?>> enums = enumTypes();
            List<Member> list = new ArrayList<>(fields.size());
            for (SdkField<?> field : fields) {
                String memberName = field.memberName();
                list.add(Member.of(memberName, field, required.contains(memberName), service,
                        enums.get(memberName.toLowerCase(Locale.ROOT)),
                        minimumPrefix == null ? null : minimumPrefix + memberName));
            }
            members = List.copyOf(list);
        }
        return members;
    }

    public Optional<Member> member(String memberName) {
        return members().stream().filter(m -> m.name().equals(memberName)).findFirst();
    }

    public List<String> memberNames() {
        return members().stream().map(Member::name).toList();
    }

    /** Required member names, in model order as aws lists them. */
    public List<String> requiredNames() {
        return members().stream().filter(Member::required).map(Member::name).toList();
    }

    /** Enum classes of string members and of lists of strings, found through the builder's typed setters. */
    private Map<String, Class<?>> enumTypes() {
        Map<String, Class<?>> enums = new HashMap<>();
        boolean anyStrings = fields.stream().anyMatch(f -> Kind.of(f.marshallingType()) == Kind.STRING
                || Kind.of(f.marshallingType()) == Kind.LIST);
        if (!anyStrings) {
            return enums;
        }
        for (Method method : builders.get().getClass().getMethods()) {
            if (method.getParameterCount() != 1) {
                continue;
            }
            Class<?> type = method.getParameterTypes()[0];
            if (type.isArray()) {
                type = type.getComponentType();
            }
            if (type.isEnum()) {
                enums.put(method.getName().toLowerCase(Locale.ROOT), type);
            }
        }
        return enums;
    }

    private static String pojoClassName(SdkPojo builder) {
        Class<?> type = builder.getClass();
        Class<?> enclosing = type.getEnclosingClass();
        return (enclosing != null ? enclosing : type).getSimpleName();
    }
}
