// CodeArtifact (restJson1) calls the console makes.
import { Credentials } from '../sigv4';
import { allPages, restJson } from './client';

export interface Domain {
  name: string;
  owner: string;
  status: string;
  createdTime?: number;
}

/** CodeArtifact ListDomains (POST /v1/domains), every page. */
export async function listDomains(credentials: Credentials): Promise<Domain[]> {
  const pages = await allPages(
    (token) => restJson<{ domains?: Domain[]; nextToken?: string }>(credentials, 'codeartifact', 'POST',
      '/v1/domains', undefined, token ? { nextToken: token } : {}),
    (page) => page.nextToken);
  return pages.flatMap((page) => page.domains ?? []);
}
