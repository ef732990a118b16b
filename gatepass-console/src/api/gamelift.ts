// GameLift (awsJson1_1) calls the console makes: the same operations, members and errors the AWS CLI uses.
import { Credentials } from '../sigv4';
import { allPages, awsJson, restJson } from './client';

const call = <T>(credentials: Credentials, operation: string, input: unknown = {}) =>
  awsJson<T>(credentials, 'gamelift', `GameLift.${operation}`, input);

/** Every page of a GameLift listing that pages with NextToken. */
async function everyPage<P extends { NextToken?: string }, R>(credentials: Credentials, operation: string,
                                                               input: Record<string, unknown>, items: (page: P) => R[] | undefined)
  : Promise<R[]> {
  const pages = await allPages((token) => call<P>(credentials, operation, token ? { ...input, NextToken: token } : input),
    (page) => page.NextToken);
  return pages.flatMap((page) => items(page) ?? []);
}

export interface FleetAttributes {
  FleetId: string;
  FleetArn?: string;
  Name?: string;
  Description?: string;
  Status?: string;
  ComputeType?: string;
  FleetType?: string;
  CreationTime?: number;
  NewGameSessionProtectionPolicy?: string;
  InstanceRoleArn?: string;
  MetricGroups?: string[];
  CertificateConfiguration?: { CertificateType?: string };
}

export interface LocationState { Location: string; Status?: string }

export interface Location { LocationName: string; LocationArn?: string }

export interface Compute {
  ComputeName: string;
  ComputeStatus?: string;
  IpAddress?: string;
  DnsName?: string;
  Location?: string;
  CreationTime?: number;
  GameLiftServiceSdkEndpoint?: string;
}

export interface FleetUtilization {
  ActiveServerProcessCount?: number;
  ActiveGameSessionCount?: number;
  CurrentPlayerSessionCount?: number;
  MaximumPlayerSessionCount?: number;
}

export interface GameSession {
  GameSessionId: string;
  Name?: string;
  FleetId?: string;
  Status?: string;
  StatusReason?: string;
  CurrentPlayerSessionCount?: number;
  MaximumPlayerSessionCount?: number;
  Location?: string;
  ComputeName?: string;
  IpAddress?: string;
  DnsName?: string;
  Port?: number;
  PlayerSessionCreationPolicy?: string;
  CreatorId?: string;
  CreationTime?: number;
  TerminationTime?: number;
  GameProperties?: { Key: string; Value: string }[];
}

export interface PlayerSession {
  PlayerSessionId: string;
  PlayerId?: string;
  Status?: string;
  CreationTime?: number;
  TerminationTime?: number;
}

/** GameLift ListFleets, every page. */
export async function listFleets(credentials: Credentials): Promise<string[]> {
  return everyPage<{ FleetIds?: string[]; NextToken?: string }, string>(credentials, 'ListFleets', {},
    (page) => page.FleetIds);
}

/** DescribeFleetAttributes of every fleet of the account. */
export function describeAllFleets(credentials: Credentials): Promise<FleetAttributes[]> {
  return everyPage<{ FleetAttributes?: FleetAttributes[]; NextToken?: string }, FleetAttributes>(credentials,
    'DescribeFleetAttributes', {}, (page) => page.FleetAttributes);
}

/** DescribeFleetAttributes of one fleet; null when there is no such fleet. */
export async function describeFleet(credentials: Credentials, fleetId: string): Promise<FleetAttributes | null> {
  const out = await call<{ FleetAttributes?: FleetAttributes[] }>(credentials, 'DescribeFleetAttributes',
    { FleetIds: [fleetId] });
  return out.FleetAttributes?.[0] ?? null;
}

/** DescribeFleetLocationAttributes: the fleet's locations and their status. */
export function fleetLocations(credentials: Credentials, fleetId: string): Promise<LocationState[]> {
  return everyPage<{ LocationAttributes?: { LocationState?: LocationState }[]; NextToken?: string }, LocationState>(
    credentials, 'DescribeFleetLocationAttributes', { FleetId: fleetId },
    (page) => (page.LocationAttributes ?? []).flatMap((a) => (a.LocationState ? [a.LocationState] : [])));
}

export async function createFleet(credentials: Credentials, name: string, description: string,
                                  locations: string[]): Promise<FleetAttributes> {
  const input: Record<string, unknown> = {
    Name: name,
    ComputeType: 'ANYWHERE',
    Locations: locations.map((location) => ({ Location: location })),
  };
  if (description) input.Description = description;
  const out = await call<{ FleetAttributes: FleetAttributes }>(credentials, 'CreateFleet', input);
  return out.FleetAttributes;
}

export async function deleteFleet(credentials: Credentials, fleetId: string): Promise<void> {
  await call(credentials, 'DeleteFleet', { FleetId: fleetId });
}

export function listLocations(credentials: Credentials): Promise<Location[]> {
  return everyPage<{ Locations?: Location[]; NextToken?: string }, Location>(credentials, 'ListLocations', {},
    (page) => page.Locations);
}

export async function createLocation(credentials: Credentials, name: string): Promise<Location> {
  const out = await call<{ Location: Location }>(credentials, 'CreateLocation', { LocationName: name });
  return out.Location;
}

export async function deleteLocation(credentials: Credentials, name: string): Promise<void> {
  await call(credentials, 'DeleteLocation', { LocationName: name });
}

export function listCompute(credentials: Credentials, fleetId: string): Promise<Compute[]> {
  return everyPage<{ ComputeList?: Compute[]; NextToken?: string }, Compute>(credentials, 'ListCompute',
    { FleetId: fleetId }, (page) => page.ComputeList);
}

export async function deregisterCompute(credentials: Credentials, fleetId: string, computeName: string)
  : Promise<void> {
  await call(credentials, 'DeregisterCompute', { FleetId: fleetId, ComputeName: computeName });
}

/**
 * When the compute's current auth token expires (epoch seconds). Only GetComputeAuthToken tells this; it answers the
 * token too, which is dropped here at once: the console never keeps or shows a token.
 */
export async function computeTokenExpiry(credentials: Credentials, fleetId: string, computeName: string)
  : Promise<number> {
  const out = await call<{ ExpirationTimestamp?: number }>(credentials, 'GetComputeAuthToken',
    { FleetId: fleetId, ComputeName: computeName });
  if (typeof out.ExpirationTimestamp !== 'number') throw new Error('GetComputeAuthToken answered no expiry.');
  return out.ExpirationTimestamp;
}

export async function fleetUtilization(credentials: Credentials, fleetId: string): Promise<FleetUtilization | null> {
  const out = await call<{ FleetUtilization?: FleetUtilization[] }>(credentials, 'DescribeFleetUtilization',
    { FleetIds: [fleetId] });
  return out.FleetUtilization?.[0] ?? null;
}

export function gameSessions(credentials: Credentials, fleetId: string): Promise<GameSession[]> {
  return everyPage<{ GameSessions?: GameSession[]; NextToken?: string }, GameSession>(credentials,
    'DescribeGameSessions', { FleetId: fleetId }, (page) => page.GameSessions);
}

/** DescribeGameSessions of one game session; null when there is none. */
export async function gameSession(credentials: Credentials, gameSessionId: string): Promise<GameSession | null> {
  const out = await call<{ GameSessions?: GameSession[] }>(credentials, 'DescribeGameSessions',
    { GameSessionId: gameSessionId });
  return out.GameSessions?.[0] ?? null;
}

export async function createGameSession(credentials: Credentials, input: {
  FleetId: string; MaximumPlayerSessionCount: number; Name?: string; Location?: string;
}): Promise<GameSession> {
  const out = await call<{ GameSession: GameSession }>(credentials, 'CreateGameSession', input);
  return out.GameSession;
}

export async function terminateGameSession(credentials: Credentials, gameSessionId: string, mode: string)
  : Promise<GameSession> {
  const out = await call<{ GameSession: GameSession }>(credentials, 'TerminateGameSession',
    { GameSessionId: gameSessionId, TerminationMode: mode });
  return out.GameSession;
}

export function playerSessions(credentials: Credentials, gameSessionId: string): Promise<PlayerSession[]> {
  return everyPage<{ PlayerSessions?: PlayerSession[]; NextToken?: string }, PlayerSession>(credentials,
    'DescribePlayerSessions', { GameSessionId: gameSessionId }, (page) => page.PlayerSessions);
}

// A compute's server processes: Gatepass's own API (no GameLift API lists them), authorized as
// gatepass:ListServerProcesses on the compute's ARN. Members in camelCase, times in epoch seconds.
export interface ServerProcess {
  processId: string;
  status: string; // ACTIVE or UNHEALTHY
  healthy: boolean;
  port: number;
  sdkVersion?: string;
  sdkLanguage?: string;
  gameSessionId?: string;
  activatedAt: number;
  lastHeartbeatAt: number;
  node: string;
}

export async function serverProcesses(credentials: Credentials, fleetId: string, computeName: string)
  : Promise<ServerProcess[]> {
  const path = `/gatepass/v1/fleets/${encodeURIComponent(fleetId)}/computes/${encodeURIComponent(computeName)}`
    + '/processes';
  const out = await restJson<{ serverProcesses?: ServerProcess[] }>(credentials, 'gatepass', 'GET', path);
  return out.serverProcesses ?? [];
}
