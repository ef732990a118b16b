package io.gatepass.server.internal.api;

import java.util.Set;

/**
 * An entry of a service's error catalogue (an enum per service: {@code GameLiftErrors}, {@code CodeArtifactErrors},
 * {@code IamErrors}, {@code StsErrors}). An entry may be the service's own spelling of some {@link CommonErrors}
 * (CodeArtifact answers AccessDenied as its AccessDeniedException); {@link ErrorSpelling} reads that.
 */
public interface ServiceError extends CatalogueEntry {

    /** The common errors this entry stands for in its service's answers. */
    default Set<CommonErrors> spells() {
        return spec().spells();
    }
}
