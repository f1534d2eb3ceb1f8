package com.filemailbatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot's {@code --name=value} arguments (a dot in the name: {@code --filemail.data-dir=/x}), which every
 * command that starts the application takes, as any Spring Boot application does. They are what picocli did not
 * match; anything else it did not match stays an unknown option.
 */
final class PropertyArguments {

    private static final Pattern PROPERTY = Pattern.compile(
            "--([A-Za-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+(?:\\[[0-9]+])?)+)=(.*)", Pattern.DOTALL);
    /** An argument meant as a property, whether or not it is written right. */
    private static final Pattern MEANT = Pattern.compile("--[^=.\\s]*\\.[^=\\s]*(=.*)?", Pattern.DOTALL);

    final Map<String, String> properties = new LinkedHashMap<>();
    final List<String> rest = new ArrayList<>();

    private PropertyArguments() {
    }

    /**
     * Splits the arguments picocli did not match into properties and the rest.
     *
     * @throws IllegalArgumentException for an argument meant as a property but not of the form {@code --a.b=c}
     */
    static PropertyArguments split(List<String> unmatched) {
        PropertyArguments split = new PropertyArguments();
        for (String argument : unmatched) {
            Matcher property = PROPERTY.matcher(argument);
            if (property.matches()) {
                split.properties.put(property.group(1), property.group(2));
            } else if (MEANT.matcher(argument).matches()) {
                throw new IllegalArgumentException("'" + argument + "' is not a property setting of the form "
                        + "--name.with.dots=value (such as --filemail.reports-dir=/srv/reports); a property can "
                        + "also be set as an environment variable (FILEMAIL_REPORTS_DIR=...) or with "
                        + "java -Dfilemail.reports-dir=... -jar");
            } else {
                split.rest.add(argument);
            }
        }
        return split;
    }

    /** {@code --name=value} arguments for Spring Boot. */
    static List<String> arguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toList();
    }
}
