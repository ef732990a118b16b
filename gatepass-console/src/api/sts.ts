// STS: who the signed-in keys are.
import { Credentials } from '../sigv4';
import { queryCall, xmlText } from './client';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** STS GetCallerIdentity (query protocol). */
export async function getCallerIdentity(credentials: Credentials): Promise<CallerIdentity> {
  const doc = await queryCall(credentials, 'sts', 'GetCallerIdentity', '2011-06-15');
  return { account: xmlText(doc, 'Account'), arn: xmlText(doc, 'Arn'), userId: xmlText(doc, 'UserId') };
}
