/**
 * The PyPI format of the CodeArtifact package endpoints ({@code <public-url>/codeartifact/<domain>-<owner>/pypi/<repo>/}):
 * PEP 503 names and simple pages, PEP 691 JSON chosen by {@code Accept}, PEP 592 yanked files, PEP 700 sizes and
 * upload times, and the legacy multipart upload {@code twine upload} sends to the repository root. Pure code: no
 * Vert.x, no store; the package endpoint layer feeds it bytes and records and writes what it returns.
 */
package io.gatepass.server.internal.endpoints.packages.pypi;
