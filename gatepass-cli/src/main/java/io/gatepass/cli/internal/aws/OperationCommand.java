package io.gatepass.cli.internal.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatepass.cli.internal.aws.call.Pager;
import io.gatepass.cli.internal.aws.call.ResponseJson;
import io.gatepass.cli.internal.aws.call.ServiceCall;
import io.gatepass.cli.internal.aws.call.ServiceClients;
import io.gatepass.cli.internal.aws.call.StreamingOutputFile;
import io.gatepass.cli.internal.aws.call.direct.DirectCall;
import io.gatepass.cli.internal.aws.config.CliConfig;
import io.gatepass.cli.internal.aws.config.GlobalOptions;
import io.gatepass.cli.internal.aws.help.Skeleton;
import io.gatepass.cli.internal.aws.help.YamlSkeleton;
import io.gatepass.cli.internal.aws.model.OperationModel;
import io.gatepass.cli.internal.aws.model.Pagination;
import io.gatepass.cli.internal.aws.model.StreamingInput;
import io.gatepass.cli.internal.aws.output.OutputFormat;
import io.gatepass.cli.internal.aws.output.Query;
import io.gatepass.cli.internal.aws.output.Renderer;
import io.gatepass.cli.internal.aws.params.ArgumentValues;
import io.gatepass.cli.internal.aws.params.AutoPrompt;
import io.gatepass.cli.internal.aws.params.CliInput;
import io.gatepass.cli.internal.aws.params.OperationArguments;
import io.gatepass.cli.internal.aws.params.ParamFile;
import io.gatepass.cli.internal.aws.params.RequestBuilder;
import io.gatepass.cli.internal.aws.params.StreamingInputFile;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code gatepass <service> <operation> [options]}: reads the options, builds and sends the request (following pages
 * unless --no-paginate), and prints the response with --query and --output applied.
 */
final class OperationCommand {

    private final OperationModel operation;
    private final GlobalOptions globals;
    private final CliIo io;

    OperationCommand(OperationModel operation, GlobalOptions globals, CliIo io) {
        this.operation = operation;
        this.globals = globals;
        this.io = io;
    }

    int run(List<String> args) {
        ParamFile files = new ParamFile(io.home(), io.env());
        ArgumentValues values = new ArgumentValues(files);
        OperationArguments arguments = OperationArguments.parse(operation, args, values, globals.noPaginate());
        String skeleton = globals.generateCliSkeleton();
        boolean fromDocument = globals.cliInputJson() != null || globals.cliInputYaml() != null;
        boolean prompting = AutoPrompt.enabled(globals.cliAutoPrompt(), io,
                () -> CliConfig.resolve(globals, io).autoPrompt());
        if (prompting) {
            AutoPrompt.fillIn(operation.input(), arguments.parameters(), values, io);
        }
        if (!fromDocument && !"input".equals(skeleton) && !"yaml-input".equals(skeleton)) {
            List<String> missing = arguments.missingRequired(operation);
            if (!missing.isEmpty()) {
                throw CliException.parameter("the following arguments are required: " + String.join(", ", missing));
            }
        }
        if (!arguments.unknown().isEmpty()) {
            throw CliException.unknownOptions(arguments.unknown());
        }
        Path upload = arguments.streamingInput() == null ? null : StreamingInputFile.resolve(
                operation.streamingInput().orElseThrow().cliName(), arguments.streamingInput(), files, io.home(),
                io.env());
        if ("input".equals(skeleton) || "yaml-input".equals(skeleton)) {
            io.out().print(skeleton.equals("input")
                    ? Renderer.render(operation.streamingInput().map(input -> Skeleton.input(operation.input(), input))
                            .orElseGet(() -> Skeleton.input(operation.input())), OutputFormat.JSON, operation.name(),
                            false)
                    : YamlSkeleton.of(operation.input()));
            io.out().flush();
            return 0;
        }
        Query query = globals.query() == null ? null : Query.compile(globals.query());
        ObjectNode parameters = CliInput.merge(arguments.parameters(), globals.cliInputJson(),
                globals.cliInputYaml(), files);
        Object body = streamingBody(parameters, upload, arguments.outfile());
        Optional<Pagination> pagination = paginate(arguments, parameters);
        CliConfig config = CliConfig.resolve(globals, io);
        if (!"output".equals(skeleton)) {
            config.checkClientSettings(); // aws creates the client, then validates the parameters
        }
        RequestBuilder.validate(operation.input(), parameters);
        OutputFormat format = OutputFormat.parse(config.output());
        RequestBuilder requests = new RequestBuilder(config.binaryFormat());
        String text;
        if ("output".equals(skeleton)) {
            text = render(Skeleton.output(operation.output()), query, format, config);
        } else {
            DirectCall direct = body == null ? ServiceCall.direct(operation, config).orElse(null) : null;
            SdkClient client = direct == null ? ServiceClients.create(operation.service(), config) : null;
            try {
                ServiceCall call = new ServiceCall(operation, client, direct, requests, new ResponseJson(zone(),
                        config.timestampFormat().equals("wire"), operation.service().epochTimestamps()),
                        config.region());
                if (pagination.isEmpty()) {
                    text = render(call.call(parameters, body), query, format, config);
                } else {
                    Pager.Paged paged = new Pager(pagination.get(), arguments.paging()).pages(parameters, call::call);
                    text = format == OutputFormat.TEXT ? textPages(paged, query, config)
                            : render(paged.merged(), query, format, config);
                }
            } finally {
                if (client != null) {
                    client.close();
                }
            }
        }
        try (PrintStream out = config.openOutput()) {
            out.print(text);
            out.flush();
        }
        return 0;
    }

    /**
     * The body of a streaming operation, or null: the file a streaming input sends (its member in an input document
     * is sent as the text it holds, as aws does), or where a streaming output is saved.
     */
    private Object streamingBody(ObjectNode parameters, Path upload, String outfile) {
        if (operation.streamingOutput()) {
            return new StreamingOutputFile(outfile);
        }
        StreamingInput input = operation.streamingInput().orElse(null);
        if (input == null) {
            return null;
        }
        JsonNode fromDocument = parameters.remove(input.name());
        if (upload != null) {
            return fileBody(upload);
        }
        if (fromDocument != null && !fromDocument.isNull()) {
            return RequestBody.fromString(fromDocument.asText());
        }
        if (input.required()) {
            throw CliException.invalidParameter("Parameter validation failed:\nMissing required parameter in input: \""
                    + input.name() + "\"");
        }
        return RequestBody.empty();
    }

    /** The file, streamed (opened again if the SDK retries) with its size as Content-Length. */
    private static RequestBody fileBody(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw CliException.other(e.getMessage(), e);
        }
        return RequestBody.fromContentProvider(ContentStreamProvider.fromInputStreamSupplier(() -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), size, "application/octet-stream");
    }

    private String render(JsonNode result, Query query, OutputFormat format, CliConfig config) {
        return Renderer.render(query == null ? result : query.apply(result), format, operation.name(), config.color());
    }

    /**
     * aws's text output of a paginated response: each page rendered (and queried) on its own, then the resume token
     * as {@code {"NextToken": {"NextToken": token}}}.
     */
    private String textPages(Pager.Paged paged, Query query, CliConfig config) {
        StringBuilder text = new StringBuilder();
        for (ObjectNode page : paged.pages()) {
            text.append(render(page, query, OutputFormat.TEXT, config));
        }
        if (paged.resumeToken() != null) {
            ObjectNode token = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            token.putObject("NextToken").put("NextToken", paged.resumeToken());
            text.append(render(token, query, OutputFormat.TEXT, config));
        }
        return text.toString();
    }

    /** Pages are followed unless --no-paginate or a manual paging member (--next-token, --limit) is given. */
    private Optional<Pagination> paginate(OperationArguments arguments, ObjectNode parameters) {
        Optional<Pagination> pagination = operation.pagination();
        if (pagination.isEmpty()) {
            return pagination;
        }
        Pagination paging = pagination.get();
        boolean manual = false;
        for (String token : paging.inputToken().split(",")) {
            manual |= parameters.has(token);
        }
        manual |= paging.limitKey() != null && parameters.has(paging.limitKey());
        if (globals.noPaginate() || manual) {
            if (globals.noPaginate() && arguments.paging().any()) {
                List<String> used = new java.util.ArrayList<>();
                if (arguments.paging().startingToken() != null) {
                    used.add("--starting-token");
                }
                if (arguments.paging().pageSize() != null) {
                    used.add("--page-size");
                }
                if (arguments.paging().maxItems() != null) {
                    used.add("--max-items");
                }
                throw CliException.invalidParameter("Cannot specify --no-paginate along with pagination arguments: "
                        + String.join(", ", used));
            }
            return Optional.empty();
        }
        return pagination;
    }

    /**
     * The zone timestamps are printed in: the JSON services' epoch timestamps in the local zone (TZ), the query
     * services' ISO timestamps in UTC, as aws does.
     */
    private ZoneId zone() {
        if (!operation.service().epochTimestamps()) {
            return ZoneOffset.UTC;
        }
        String tz = io.env().get("TZ");
        if (tz != null && !tz.isBlank()) {
            try {
                return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneId.systemDefault();
    }

}
