package io.gatepass.cli.internal.aws.model;

/**
 * The member of an operation's input that streams a file to the service (codeartifact publish-package-version's
 * assetContent): given on the command line as a path, it is not one of the SDK request's fields but the request body.
 *
 * @param name     the model member name, e.g. "assetContent"
 * @param before   the member that follows it in model order (where aws lists it), or null when it is the last
 * @param required whether the operation requires it
 */
public record StreamingInput(String name, String before, boolean required) {

    /** The command-line option, e.g. --asset-content. */
    public String cliName() {
        return Names.option(name);
    }
}
