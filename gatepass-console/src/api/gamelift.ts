// GameLift (awsJson1_1) calls the console makes.
import { Credentials } from '../sigv4';
import { allPages, awsJson } from './client';

/** GameLift ListFleets, every page. */
export async function listFleets(credentials: Credentials): Promise<string[]> {
  const pages = await allPages(
    (token) => awsJson<{ FleetIds?: string[]; NextToken?: string }>(credentials, 'gamelift', 'GameLift.ListFleets',
      token ? { NextToken: token } : {}),
    (page) => page.NextToken);
  return pages.flatMap((page) => page.FleetIds ?? []);
}
