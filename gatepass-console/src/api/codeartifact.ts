// CodeArtifact (restJson1) calls the console makes: the same operations, paths and query parameters the AWS CLI sends.
import { Credentials } from '../sigv4';
import { allPages, restJson } from './client';

export interface Domain {
  name: string;
  owner: string;
  status: string;
  createdTime?: number;
}

export interface DomainDescription extends Domain {
  arn?: string;
  repositoryCount?: number;
  assetSizeBytes?: number;
}

export interface RepositorySummary {
  name: string;
  administratorAccount?: string;
  domainName?: string;
  domainOwner?: string;
  arn?: string;
  description?: string;
  createdTime?: number;
}

export interface RepositoryDescription extends RepositorySummary {
  upstreams?: { repositoryName: string }[];
  externalConnections?: { externalConnectionName: string; packageFormat?: string; status?: string }[];
}

export interface OriginConfiguration {
  restrictions?: { publish?: string; upstream?: string };
}

export interface PackageSummary {
  format: string;
  namespace?: string;
  package: string;
  originConfiguration?: OriginConfiguration;
}

export interface PackageDescription {
  format: string;
  namespace?: string;
  name: string;
  originConfiguration?: OriginConfiguration;
}

export interface PackageVersionSummary {
  version: string;
  revision?: string;
  status: string;
  origin?: { originType?: string; domainEntryPoint?: { repositoryName?: string; externalConnectionName?: string } };
}

export interface PackageVersions {
  defaultDisplayVersion?: string;
  versions: PackageVersionSummary[];
}

export interface PackageVersionDescription {
  version: string;
  status: string;
  publishedTime?: number;
  summary?: string;
}

/** A package in a repository: format, optional namespace (npm scope, Maven groupId, generic namespace) and name. */
export interface PackageRef {
  domain: string;
  repository: string;
  format: string;
  namespace?: string;
  package: string;
}

/** The formats whose repository endpoints Gatepass serves to package tools (GetRepositoryEndpoint answers these). */
export const SERVED_FORMATS = ['npm', 'pypi', 'maven'] as const;

function defined(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as
    Record<string, string>;
}

function packageQuery(ref: PackageRef): Record<string, string> {
  return defined({ domain: ref.domain, repository: ref.repository, format: ref.format, namespace: ref.namespace,
    package: ref.package });
}

/** CodeArtifact ListDomains (POST /v1/domains), every page. */
export async function listDomains(credentials: Credentials): Promise<Domain[]> {
  const pages = await allPages(
    (token) => restJson<{ domains?: Domain[]; nextToken?: string }>(credentials, 'codeartifact', 'POST',
      '/v1/domains', undefined, token ? { nextToken: token } : {}),
    (page) => page.nextToken);
  return pages.flatMap((page) => page.domains ?? []);
}

/** DescribeDomain (GET /v1/domain): adds the repository count and the assets' size. */
export async function describeDomain(credentials: Credentials, domain: string): Promise<DomainDescription> {
  const answer = await restJson<{ domain: DomainDescription }>(credentials, 'codeartifact', 'GET', '/v1/domain',
    { domain });
  return answer.domain;
}

/** CreateDomain (POST /v1/domain). */
export async function createDomain(credentials: Credentials, domain: string): Promise<DomainDescription> {
  const answer = await restJson<{ domain: DomainDescription }>(credentials, 'codeartifact', 'POST', '/v1/domain',
    { domain }, {});
  return answer.domain;
}

/** DeleteDomain (DELETE /v1/domain): refused with ConflictException while the domain has repositories. */
export async function deleteDomain(credentials: Credentials, domain: string): Promise<void> {
  await restJson(credentials, 'codeartifact', 'DELETE', '/v1/domain', { domain });
}

/** ListRepositoriesInDomain (POST /v1/domain/repositories), every page. */
export async function listRepositoriesInDomain(credentials: Credentials, domain: string)
  : Promise<RepositorySummary[]> {
  const pages = await allPages(
    (token) => restJson<{ repositories?: RepositorySummary[]; nextToken?: string }>(credentials, 'codeartifact',
      'POST', '/v1/domain/repositories', defined({ domain, 'next-token': token }), {}),
    (page) => page.nextToken);
  return pages.flatMap((page) => page.repositories ?? []);
}

/** DescribeRepository (GET /v1/repository). */
export async function describeRepository(credentials: Credentials, domain: string, repository: string)
  : Promise<RepositoryDescription> {
  const answer = await restJson<{ repository: RepositoryDescription }>(credentials, 'codeartifact', 'GET',
    '/v1/repository', { domain, repository });
  return answer.repository;
}

/** CreateRepository (POST /v1/repository) with an optional description. */
export async function createRepository(credentials: Credentials, domain: string, repository: string,
                                       description: string): Promise<RepositoryDescription> {
  const answer = await restJson<{ repository: RepositoryDescription }>(credentials, 'codeartifact', 'POST',
    '/v1/repository', { domain, repository }, description ? { description } : {});
  return answer.repository;
}

/** DeleteRepository (DELETE /v1/repository). */
export async function deleteRepository(credentials: Credentials, domain: string, repository: string): Promise<void> {
  await restJson(credentials, 'codeartifact', 'DELETE', '/v1/repository', { domain, repository });
}

/** GetRepositoryEndpoint (GET /v1/repository/endpoint) for one format. */
export async function getRepositoryEndpoint(credentials: Credentials, domain: string, repository: string,
                                            format: string): Promise<string> {
  const answer = await restJson<{ repositoryEndpoint: string }>(credentials, 'codeartifact', 'GET',
    '/v1/repository/endpoint', { domain, repository, format });
  return answer.repositoryEndpoint;
}

/** ListPackages (POST /v1/packages), every page. */
export async function listPackages(credentials: Credentials, domain: string, repository: string)
  : Promise<PackageSummary[]> {
  const pages = await allPages(
    (token) => restJson<{ packages?: PackageSummary[]; nextToken?: string }>(credentials, 'codeartifact', 'POST',
      '/v1/packages', defined({ domain, repository, 'next-token': token }), {}),
    (page) => page.nextToken);
  return pages.flatMap((page) => page.packages ?? []);
}

/** DescribePackage (GET /v1/package): the package's origin configuration. */
export async function describePackage(credentials: Credentials, ref: PackageRef): Promise<PackageDescription> {
  const answer = await restJson<{ package: PackageDescription }>(credentials, 'codeartifact', 'GET', '/v1/package',
    packageQuery(ref));
  return answer.package;
}

/** ListPackageVersions (POST /v1/package/versions), every page, newest published first. */
export async function listPackageVersions(credentials: Credentials, ref: PackageRef): Promise<PackageVersions> {
  const pages = await allPages(
    (token) => restJson<{ defaultDisplayVersion?: string; versions?: PackageVersionSummary[]; nextToken?: string }>(
      credentials, 'codeartifact', 'POST', '/v1/package/versions',
      defined({ ...packageQuery(ref), sortBy: 'PUBLISHED_TIME', 'next-token': token }), {}),
    (page) => page.nextToken);
  return {
    defaultDisplayVersion: pages[0]?.defaultDisplayVersion,
    versions: pages.flatMap((page) => page.versions ?? []),
  };
}

/** DescribePackageVersion (GET /v1/package/version): its published time and summary. */
export async function describePackageVersion(credentials: Credentials, ref: PackageRef, version: string)
  : Promise<PackageVersionDescription> {
  const answer = await restJson<{ packageVersion: PackageVersionDescription }>(credentials, 'codeartifact', 'GET',
    '/v1/package/version', { ...packageQuery(ref), version });
  return answer.packageVersion;
}
