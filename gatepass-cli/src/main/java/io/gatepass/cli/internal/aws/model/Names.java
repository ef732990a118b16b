package io.gatepass.cli.internal.aws.model;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The AWS CLI's names for model names: botocore's {@code xform_name} with "-", e.g. GetComputeAuthToken -> get-compute-auth-token. */
public final class Names {

    private static final Pattern FIRST_CAP = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern END_CAP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern SPECIAL_CASE = Pattern.compile("[A-Z]{2,}s$");
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Names() {
    }

    /** CamelCase model name to the CLI's kebab-case name; names already holding "-" are returned unchanged. */
    public static String kebab(String name) {
        if (name.contains("-")) {
            return name;
        }
        return CACHE.computeIfAbsent(name, Names::transform);
    }

    /** The option for a member: {@code FleetId -> --fleet-id}. */
    public static String option(String memberName) {
        return "--" + kebab(memberName);
    }

    /** The SDK for Java's class-name spelling of a kebab-case name: describe-ec2-instance-limits -> DescribeEc2InstanceLimits. */
    public static String javaClassName(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String word : kebab.split("-")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    private static String transform(String name) {
        Matcher special = SPECIAL_CASE.matcher(name);
        if (special.find()) {
            String matched = special.group();
            name = name.substring(0, name.length() - matched.length()) + "-" + matched.toLowerCase(Locale.ROOT);
        }
        String s1 = FIRST_CAP.matcher(name).replaceAll("$1-$2");
        return END_CAP.matcher(s1).replaceAll("$1-$2").toLowerCase(Locale.ROOT);
    }
}
