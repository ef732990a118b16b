package io.gatepass.server.internal.endpoints.packages.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class VersionMetadataTest {
    private static final long SEED = 20261206L;
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00.5Z");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void first_coreFieldsUnderTheirUploadNames_listsForRepeatedOnes() throws Exception {
        JsonNode metadata = json.readTree(VersionMetadata.first(upload(UploadBodies.wheel("Tiny_Pkg", "1.0",
                new byte[] {1})), T0));

        assertThat(metadata.get("name").asText()).isEqualTo("Tiny_Pkg");
        assertThat(metadata.get("summary").asText()).isEqualTo("A tiny package");
        assertThat(metadata.get("requires_python").asText()).isEqualTo(">=3.8");
        assertThat(metadata.get("classifiers")).hasSize(2);
        assertThat(metadata.get("requires_dist").get(0).asText()).isEqualTo("requests>=2");
        assertThat(metadata.has("md5_digest")).isFalse();
        assertThat(metadata.at("/files/Tiny_Pkg-1.0-py3-none-any.whl/filetype").asText()).isEqualTo("bdist_wheel");
    }

    @Test
    void withFile_filesInAnyOrder_everyFileKeptWithItsOwnDetails() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 50; i++) {
            List<UploadBodies> bodies = new ArrayList<>();
            for (int f = 0; f < 1 + random.nextInt(4); f++) {
                UploadBodies body = UploadBodies.wheel("tiny", "1.0", new byte[] {(byte) f});
                String filename = "tiny-1.0-" + f + "-py3-none-any.whl";
                bodies.add(body.replace("requires_python", ">=3." + f).renamed(filename));
            }
            Collections.shuffle(bodies, random);
            List<LegacyUpload> uploads = new ArrayList<>();
            for (UploadBodies body : bodies) {
                uploads.add(upload(body));
            }
            String metadata = VersionMetadata.first(uploads.get(0), T0);
            for (int u = 1; u < uploads.size(); u++) {
                metadata = VersionMetadata.withFile(metadata, uploads.get(u), T0.plusSeconds(u));
            }
            for (int u = 0; u < uploads.size(); u++) {
                LegacyUpload upload = uploads.get(u);
                String filename = upload.file().filename();
                VersionMetadata.FileInfo info = VersionMetadata.file(metadata, filename, Instant.EPOCH);
                assertThat(VersionMetadata.hasFile(metadata, filename)).as("seed %d case %d", SEED, i).isTrue();
                assertThat(info.requiresPython()).as("seed %d case %d", SEED, i)
                        .isEqualTo(upload.metadata().requiresPython());
                assertThat(info.uploadTime()).isEqualTo(T0.plusSeconds(u));
                assertThat(info.yankedReason()).isNull();
            }
            assertThat(json.readTree(metadata).get("requires_python").asText()).as("seed %d case %d", SEED, i)
                    .isEqualTo(uploads.get(0).metadata().requiresPython());
        }
    }

    @Test
    void file_unknownFileOrBrokenMetadata_fallsBackToTheVersion() {
        assertThat(VersionMetadata.file(null, "x.whl", T0)).isEqualTo(new VersionMetadata.FileInfo(null, T0, null));
        assertThat(VersionMetadata.file("not json", "x.whl", T0).uploadTime()).isEqualTo(T0);
        assertThat(VersionMetadata.file("{\"requires_python\":\">=3.9\",\"yanked\":true}", "x.whl", T0))
                .isEqualTo(new VersionMetadata.FileInfo(">=3.9", T0, ""));
    }

    private static LegacyUpload upload(UploadBodies body) throws IOException {
        return new LegacyUploadParser(UploadLimits.DEFAULT).parse(new ByteArrayInputStream(body.bytes()),
                UploadBodies.CONTENT_TYPE, filename -> OutputStream.nullOutputStream());
    }
}
