// Drives a real Gatepass with the AWS SDK for JavaScript v3, exactly as an application would: the stock clients with
// an endpoint override. Run by JsSdkEndToEndTest; also by hand:
//
//   GATEPASS_ENDPOINT=http://127.0.0.1:9700 AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... \
//     [GATEPASS_DENIED_KEY_ID=... GATEPASS_DENIED_SECRET=...] [GATEPASS_PHASE=clock-behind] node gatepass-e2e.mjs
//
// The denied key (optional) belongs to a user with no policy. Prints one JSON object on stdout: every check with
// what was expected and what the SDK gave, and the error facts the SDK reported. Exits 1 if any check failed, 2 if
// it could not run.
//
// package.json names @aws-sdk/region-config-resolver because client-sts 3.1048.0 requires it without declaring it
// (the three clients' one common version), and @smithy/core for the rpcv2Cbor protocol this script imports.
import { STSClient, GetCallerIdentityCommand, AssumeRoleCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import {
    GameLiftClient, CreateLocationCommand, CreateFleetCommand, RegisterComputeCommand, GetComputeAuthTokenCommand,
    DescribeFleetAttributesCommand, ListFleetsCommand, paginateListCompute, NotFoundException, InvalidRequestException,
} from "@aws-sdk/client-gamelift";
import {
    CodeartifactClient, CreateDomainCommand, CreateRepositoryCommand, GetAuthorizationTokenCommand,
    GetRepositoryEndpointCommand, ListDomainsCommand, ResourceNotFoundException, ValidationException,
} from "@aws-sdk/client-codeartifact";
import { SmithyRpcV2CborProtocol } from "@smithy/core/cbor";

const endpoint = process.argv[2] ?? process.env.GATEPASS_ENDPOINT;
const region = process.env.AWS_REGION ?? "us-east-1";
const keyId = process.env.AWS_ACCESS_KEY_ID;
const secret = process.env.AWS_SECRET_ACCESS_KEY;
if (!endpoint || !keyId || !secret) {
    console.error("usage: GATEPASS_ENDPOINT (or argv[2]), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are required");
    process.exit(2);
}
const suffix = process.env.GATEPASS_NAME_SUFFIX ?? Date.now().toString(36);

const checks = [];
const errors = {};

function check(name, actual, expected) {
    const ok = typeof expected === "function" ? expected(actual) : Object.is(actual, expected);
    checks.push({ name, ok, actual: show(actual), expected: typeof expected === "function" ? expected.description
            ?? expected.toString() : show(expected) });
}

function show(value) {
    if (value instanceof Date) return `Date(${value.toISOString()})`;
    if (value === undefined) return "undefined";
    return value;
}

const isDate = Object.assign((v) => v instanceof Date && !Number.isNaN(v.getTime()), { description: "a valid Date" });
const nonEmpty = Object.assign((v) => typeof v === "string" && v.length > 0, { description: "a non-empty string" });
const contains = (part) => Object.assign((v) => typeof v === "string" && v.includes(part),
        { description: `a string containing ${JSON.stringify(part)}` });

// GameLift's model offers awsJson1_1 and rpcv2Cbor; the client speaks the first unless told otherwise.
function clients(credentials) {
    const config = { endpoint, region, credentials, maxAttempts: 1 };
    return { sts: new STSClient(config), gamelift: new GameLiftClient(config), codeartifact: new CodeartifactClient(config),
        gameliftCbor: new GameLiftClient({ ...config, protocol: SmithyRpcV2CborProtocol }) };
}

// Calls send(command), which must fail; records the SDK's view of the error under errors[label] and checks it.
async function expectError(label, client, command, expected) {
    let error;
    try {
        await client.send(command);
    } catch (e) {
        error = e;
    }
    if (!error) {
        checks.push({ name: `${label}: fails`, ok: false, actual: "succeeded", expected: expected.name });
        return;
    }
    const seen = {
        name: error.name,
        className: error.constructor?.name,
        fault: error.$fault,
        httpStatusCode: error.$metadata?.httpStatusCode,
        requestId: error.$metadata?.requestId,
        message: error.message,
        modeled: expected.type ? error instanceof expected.type : undefined,
    };
    errors[label] = seen;
    check(`${label}: name`, seen.name, expected.name);
    check(`${label}: $fault`, seen.fault, expected.fault);
    check(`${label}: httpStatusCode`, seen.httpStatusCode, expected.status);
    check(`${label}: message`, seen.message, contains(expected.message));
    check(`${label}: $metadata.requestId`, seen.requestId, nonEmpty);
    if (expected.type) check(`${label}: instanceof ${expected.type.name}`, seen.modeled, true);
}

async function gameLift(protocol, gamelift) {
    const location = `custom-js-${protocol.replace(/[^A-Za-z0-9]/g, "")}-${suffix}`;
    const created = await gamelift.send(new CreateLocationCommand({ LocationName: location }));
    check(`gamelift ${protocol} CreateLocation: LocationName`, created.Location?.LocationName, location);
    check(`gamelift ${protocol} CreateLocation: $metadata.requestId`, created.$metadata.requestId, nonEmpty);

    const fleet = await gamelift.send(new CreateFleetCommand({
        Name: `js-${protocol}-${suffix}`, ComputeType: "ANYWHERE", Locations: [{ Location: location }],
    }));
    const fleetId = fleet.FleetAttributes?.FleetId;
    check(`gamelift ${protocol} CreateFleet: FleetId`, fleetId, (v) => /^fleet-/.test(v ?? ""));
    check(`gamelift ${protocol} CreateFleet: ComputeType`, fleet.FleetAttributes?.ComputeType, "ANYWHERE");
    check(`gamelift ${protocol} CreateFleet: CreationTime`, fleet.FleetAttributes?.CreationTime, isDate);

    const computes = ["rack-1", "rack-2", "rack-3"];
    for (const [i, name] of computes.entries()) {
        const registered = await gamelift.send(new RegisterComputeCommand({
            FleetId: fleetId, ComputeName: name, IpAddress: `10.0.0.${i + 7}`, Location: location,
        }));
        check(`gamelift ${protocol} RegisterCompute ${name}: ComputeName`, registered.Compute?.ComputeName, name);
        check(`gamelift ${protocol} RegisterCompute ${name}: CreationTime`, registered.Compute?.CreationTime, isDate);
    }

    const token = await gamelift.send(new GetComputeAuthTokenCommand({ FleetId: fleetId, ComputeName: "rack-1" }));
    check(`gamelift ${protocol} GetComputeAuthToken: AuthToken`, token.AuthToken, (v) => /^[A-Za-z0-9-]{1,64}$/.test(v ?? ""));
    check(`gamelift ${protocol} GetComputeAuthToken: ExpirationTimestamp`, token.ExpirationTimestamp, isDate);
    check(`gamelift ${protocol} GetComputeAuthToken: expires in the future`, token.ExpirationTimestamp?.getTime() > Date.now(),
            true);
    check(`gamelift ${protocol} GetComputeAuthToken: FleetId`, token.FleetId, fleetId);

    const attributes = await gamelift.send(new DescribeFleetAttributesCommand({ FleetIds: [fleetId] }));
    check(`gamelift ${protocol} DescribeFleetAttributes: one fleet`, attributes.FleetAttributes?.length, 1);
    check(`gamelift ${protocol} DescribeFleetAttributes: FleetId`, attributes.FleetAttributes?.[0]?.FleetId, fleetId);
    check(`gamelift ${protocol} DescribeFleetAttributes: Status`, attributes.FleetAttributes?.[0]?.Status, nonEmpty);

    const pages = [];
    for await (const page of paginateListCompute({ client: gamelift, pageSize: 2 }, { FleetId: fleetId })) {
        pages.push(page.ComputeList.map((c) => c.ComputeName));
    }
    check(`gamelift ${protocol} paginateListCompute: pages`, pages.length, 2);
    check(`gamelift ${protocol} paginateListCompute: computes`, pages.flat().sort().join(","), computes.join(","));

    return fleetId;
}

async function main() {
    const admin = clients({ accessKeyId: keyId, secretAccessKey: secret });

    const identity = await admin.sts.send(new GetCallerIdentityCommand({}));
    check("sts GetCallerIdentity: Account", identity.Account, (v) => /^\d{12}$/.test(v));
    check("sts GetCallerIdentity: Arn", identity.Arn, contains(`:${identity.Account}:`));
    check("sts GetCallerIdentity: UserId", identity.UserId, nonEmpty);
    check("sts GetCallerIdentity: $metadata.requestId", identity.$metadata.requestId, nonEmpty);

    const fleetId = await gameLift("awsJson1_1", admin.gamelift);
    await gameLift("rpcv2Cbor", admin.gameliftCbor);

    const domain = `js-${suffix}`;
    const createdDomain = await admin.codeartifact.send(new CreateDomainCommand({ domain }));
    check("codeartifact CreateDomain: name", createdDomain.domain?.name, domain);
    check("codeartifact CreateDomain: createdTime", createdDomain.domain?.createdTime, isDate);
    check("codeartifact CreateDomain: $metadata.requestId", createdDomain.$metadata.requestId, nonEmpty);
    const repository = await admin.codeartifact.send(new CreateRepositoryCommand({ domain, repository: "libs" }));
    check("codeartifact CreateRepository: name", repository.repository?.name, "libs");
    check("codeartifact CreateRepository: domainName", repository.repository?.domainName, domain);

    const before = Date.now();
    const auth = await admin.codeartifact.send(new GetAuthorizationTokenCommand({ domain, durationSeconds: 900 }));
    check("codeartifact GetAuthorizationToken: authorizationToken", auth.authorizationToken, nonEmpty);
    check("codeartifact GetAuthorizationToken: expiration", auth.expiration, isDate);
    const lifetime = (auth.expiration?.getTime() - before) / 1000;
    check("codeartifact GetAuthorizationToken: expires in about 900 s", lifetime,
            Object.assign((v) => v > 890 && v <= 905, { description: "between 890 and 905 seconds" }));

    const repositoryEndpoint = await admin.codeartifact.send(new GetRepositoryEndpointCommand({
        domain, repository: "libs", format: "npm",
    }));
    check("codeartifact GetRepositoryEndpoint: repositoryEndpoint", repositoryEndpoint.repositoryEndpoint,
            contains(`/codeartifact/${domain}-`));

    const domains = await admin.codeartifact.send(new ListDomainsCommand({}));
    check("codeartifact ListDomains: lists the domain", domains.domains?.some((d) => d.name === domain), true);
    check("codeartifact ListDomains: createdTime", domains.domains?.find((d) => d.name === domain)?.createdTime, isDate);

    for (const [protocol, gamelift] of [["awsJson1_1", admin.gamelift], ["rpcv2Cbor", admin.gameliftCbor]]) {
        await expectError(`gamelift ${protocol} NotFoundException`, gamelift, new GetComputeAuthTokenCommand({
            FleetId: "fleet-00000000-0000-0000-0000-000000000000", ComputeName: "x" }),
                { name: "NotFoundException", fault: "client", status: 400, message: "fleet-00000000",
                  type: NotFoundException });
        await expectError(`gamelift ${protocol} InvalidRequestException`, gamelift,
                new CreateFleetCommand({ Name: `ec2-${suffix}`, ComputeType: "EC2" }),
                { name: "InvalidRequestException", fault: "client", status: 400, message: "ANYWHERE",
                  type: InvalidRequestException });
    }
    await expectError("codeartifact ResourceNotFoundException", admin.codeartifact,
            new GetRepositoryEndpointCommand({ domain, repository: "absent", format: "npm" }),
            { name: "ResourceNotFoundException", fault: "client", status: 404, message: "absent",
              type: ResourceNotFoundException });
    await expectError("codeartifact ValidationException", admin.codeartifact,
            new GetAuthorizationTokenCommand({ domain, durationSeconds: 10 }),
            { name: "ValidationException", fault: "client", status: 400, message: "duration",
              type: ValidationException });

    const wrong = clients({ accessKeyId: keyId, secretAccessKey: `${secret}x` });
    await expectError("sts wrong secret", wrong.sts, new GetCallerIdentityCommand({}),
            { name: "SignatureDoesNotMatch", fault: "client", status: 403, message: "signature" });
    await expectError("gamelift wrong secret", wrong.gamelift, new DescribeFleetAttributesCommand({ FleetIds: [fleetId] }),
            { name: "InvalidSignatureException", fault: "client", status: 400, message: "signature" });
    await expectError("gamelift rpcv2Cbor wrong secret", wrong.gameliftCbor,
            new DescribeFleetAttributesCommand({ FleetIds: [fleetId] }),
            { name: "InvalidSignatureException", fault: "client", status: 400, message: "signature" });
    await expectError("codeartifact wrong secret", wrong.codeartifact, new ListDomainsCommand({}),
            { name: "InvalidSignatureException", fault: "client", status: 403, message: "signature" });

    if (process.env.GATEPASS_DENIED_KEY_ID) {
        const denied = clients({ accessKeyId: process.env.GATEPASS_DENIED_KEY_ID,
            secretAccessKey: process.env.GATEPASS_DENIED_SECRET });
        const session = await denied.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
        check("sts GetSessionToken: Expiration", session.Credentials?.Expiration, isDate);
        check("sts GetSessionToken: expires in about 900 s", (session.Credentials?.Expiration?.getTime() - Date.now()) / 1000,
                Object.assign((v) => v > 880 && v <= 905, { description: "between 880 and 905 seconds" }));
        const temporary = clients({ accessKeyId: session.Credentials?.AccessKeyId,
            secretAccessKey: session.Credentials?.SecretAccessKey, sessionToken: session.Credentials?.SessionToken });
        const caller = await temporary.sts.send(new GetCallerIdentityCommand({}));
        check("sts GetCallerIdentity with the session token: Arn", caller.Arn, contains(":user/"));
        await expectError("sts AccessDenied", denied.sts, new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${identity.Account}:role/none`, RoleSessionName: "js-session" }),
                { name: "AccessDenied", fault: "client", status: 403, message: "sts:AssumeRole" });
        await expectError("gamelift AccessDeniedException", denied.gamelift,
                new DescribeFleetAttributesCommand({ FleetIds: [fleetId] }),
                { name: "AccessDeniedException", fault: "client", status: 400, message: "gamelift:DescribeFleetAttributes" });
        await expectError("codeartifact AccessDeniedException", denied.codeartifact, new ListDomainsCommand({}),
                { name: "AccessDeniedException", fault: "client", status: 403, message: "codeartifact:ListDomains" });
    }
}

// Run with GATEPASS_PHASE=clock-behind while the server's clock is an hour ahead of this machine's (the test moves
// it), that is as a client whose clock is an hour behind: the first request is refused as "Signature expired"; the
// SDK sets its clock offset from the answer's Date header and its retry gets through, as against AWS.
async function clockBehind() {
    const config = { endpoint, region, credentials: { accessKeyId: keyId, secretAccessKey: secret }, maxAttempts: 3 };
    for (const [label, client, command] of [
        ["sts", new STSClient(config), new GetCallerIdentityCommand({})],
        ["gamelift awsJson1_1", new GameLiftClient(config), new ListFleetsCommand({})],
        ["gamelift rpcv2Cbor", new GameLiftClient({ ...config, protocol: SmithyRpcV2CborProtocol }),
            new ListFleetsCommand({})],
        ["codeartifact", new CodeartifactClient(config), new ListDomainsCommand({})],
    ]) {
        let outcome;
        try {
            outcome = `attempts ${(await client.send(command)).$metadata.attempts}`;
        } catch (e) {
            outcome = `${e.name}: ${e.message}`;
        }
        check(`${label} clock an hour behind: corrected from the Date header and retried once`, outcome, "attempts 2");
        check(`${label} clock an hour behind: offset learnt (minutes)`,
                Math.round(client.config.systemClockOffset / 60_000), 60);
    }
}

let failure;
try {
    await (process.env.GATEPASS_PHASE === "clock-behind" ? clockBehind() : main());
} catch (e) {
    failure = { name: e?.name, message: e?.message, httpStatusCode: e?.$metadata?.httpStatusCode, stack: e?.stack };
}
const failed = checks.filter((c) => !c.ok);
console.log(JSON.stringify({ ok: !failure && failed.length === 0, failure, failed, errors, checks }, null, 2));
if (failure || failed.length > 0) {
    console.error(failure ? `stopped by ${failure.name}: ${failure.message}`
            : failed.map((c) => `MISMATCH ${c.name}: expected ${c.expected}, got ${JSON.stringify(c.actual)}`).join("\n"));
    process.exit(1);
}
