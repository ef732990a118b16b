package io.gatepass.server.internal.endpoints.packages.pypi;

import java.util.List;

/**
 * A project's simple page: its normalized name, every version it has (PEP 700) and its files.
 */
public record SimpleProject(String name, List<String> versions, List<SimpleFile> files) {
    public SimpleProject {
        name = ProjectNames.normalize(name);
        versions = List.copyOf(versions);
        files = List.copyOf(files);
    }
}
