package io.gatepass.server.internal.endpoints.packages.pypi;

import io.gatepass.core.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyUploadParserTest {
    private static final long SEED = 20261206L;
    private static final byte[] WHEEL = "PK\u0003\u0004 pretend wheel \r\n--not-the-boundary\r\n\r\n end"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final LegacyUploadParser parser = new LegacyUploadParser(UploadLimits.DEFAULT);
    private final ByteArrayOutputStream stored = new ByteArrayOutputStream();
    private String openedAs;

    @Test
    void parse_twineWheelUpload_fileStreamedAndMetadataRead() throws IOException {
        UploadBodies body = UploadBodies.wheel("Tiny_Pkg", "1.0", WHEEL);

        LegacyUpload upload = parse(body.bytes());

        assertThat(openedAs).isEqualTo("Tiny_Pkg-1.0-py3-none-any.whl");
        assertThat(stored.toByteArray()).isEqualTo(WHEEL);
        assertThat(upload.size()).isEqualTo(WHEEL.length);
        assertThat(upload.digests().sha256()).isEqualTo(UploadBodies.hex("SHA-256", WHEEL));
        assertThat(upload.digests().md5()).isEqualTo(UploadBodies.hex("MD5", WHEEL));
        assertThat(upload.file().filetype()).isEqualTo(DistributionFilename.Filetype.BDIST_WHEEL);
        assertThat(upload.pyversion()).isEqualTo("py3");
        CoreMetadata metadata = upload.metadata();
        assertThat(metadata.name()).isEqualTo("Tiny_Pkg");
        assertThat(metadata.normalizedName()).isEqualTo("tiny-pkg");
        assertThat(metadata.version()).isEqualTo("1.0");
        assertThat(metadata.metadataVersion()).isEqualTo("2.1");
        assertThat(metadata.summary()).isEqualTo("A tiny package");
        assertThat(metadata.requiresPython()).isEqualTo(">=3.8");
        assertThat(metadata.classifiers()).containsExactly("Programming Language :: Python :: 3",
                "License :: OSI Approved :: MIT License");
        assertThat(metadata.requiresDist()).containsExactly("requests>=2");
        assertThat(metadata.description()).isEqualTo("# Tiny\n\nSays hello.\n");
        assertThat(metadata.fields()).containsKey("author_email").doesNotContainKeys(":action", "md5_digest");
    }

    @Test
    void parse_sdistWithFileBeforeFields_accepted() throws IOException {
        LegacyUpload upload = parse(UploadBodies.sdist("tiny-pkg", "2.0rc1", WHEEL).fileFirst().bytes());

        assertThat(upload.file().filename()).isEqualTo("tiny_pkg-2.0rc1.tar.gz");
        assertThat(upload.file().filetype()).isEqualTo(DistributionFilename.Filetype.SDIST);
        assertThat(stored.toByteArray()).isEqualTo(WHEEL);
    }

    @Test
    void parse_onlyOneDigestGiven_thatOneChecked() throws IOException {
        UploadBodies body = UploadBodies.wheel("tiny", "1.0", WHEEL).without("md5_digest").without("blake2_256_digest");
        assertThat(parse(body.bytes()).size()).isEqualTo(WHEEL.length);

        UploadBodies md5Base64 = UploadBodies.wheel("tiny", "1.0", WHEEL).without("sha256_digest")
                .without("blake2_256_digest").replace("md5_digest", java.util.Base64.getUrlEncoder()
                        .withoutPadding().encodeToString(java.util.HexFormat.of()
                                .parseHex(UploadBodies.hex("MD5", WHEEL))));
        assertThat(parse(md5Base64.bytes()).size()).isEqualTo(WHEEL.length);
    }

    @Test
    void parse_digestMismatch_400NamingTheDigest() {
        String other = UploadBodies.hex("SHA-256", "other".getBytes(StandardCharsets.UTF_8));
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace("sha256_digest", other), 400,
                "sha256_digest does not match");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace("md5_digest", "0".repeat(32)), 400,
                "md5_digest does not match");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace("blake2_256_digest", other), 400,
                "blake2_256_digest does not match");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).without("md5_digest").without("sha256_digest")
                .without("blake2_256_digest"), 400, "no digest");
    }

    @Test
    void parse_badForms_400SayingWhatToFix() {
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace(":action", "submit"), 400,
                "Registering a project is not needed");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace(":action", "remove_pkg"), 400,
                "Unsupported ':action'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).without(":action"), 400, "Missing ':action'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace("protocol_version", "2"), 400,
                "protocol_version");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).without("name"), 400, "Missing required field 'name'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).without("version"), 400, "'version'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).without("metadata_version"), 400,
                "'metadata_version'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).without("filetype"), 400, "'filetype'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace("version", "1.1"), 400,
                "has version '1.0' but the upload is for version '1.1'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace("name", "other"), 400, "for project 'tiny'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).replace("name", "-bad"), 400, "Invalid project name");
        assertRefused(UploadBodies.wheel("tiny", "latest", WHEEL), 400, "Invalid version 'latest'");
        assertRefused(UploadBodies.wheel("tiny", "1.0", WHEEL).field("name", "tiny"), 400,
                "'name' appears more than once");
        assertRefused(UploadBodies.sdist("tiny", "1.0", WHEEL).replace("pyversion", "py3"), 400, "'source'");
    }

    @Test
    void parse_noFileOrTwoFiles_400() {
        UploadBodies noFile = UploadBodies.wheel("tiny", "1.0", WHEEL);
        byte[] withoutContent = new String(noFile.bytes(), StandardCharsets.ISO_8859_1)
                .replace("name=\"content\"", "name=\"other\"").getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(withoutContent, UploadBodies.CONTENT_TYPE, 400, "no file");

        String one = new String(UploadBodies.wheel("tiny", "1.0", WHEEL).bytes(), StandardCharsets.ISO_8859_1);
        String filePart = one.substring(one.indexOf("--" + UploadBodies.BOUNDARY + "\r\nContent-Disposition: "
                + "form-data; name=\"content\""), one.lastIndexOf("--" + UploadBodies.BOUNDARY + "--"));
        byte[] twice = (filePart + one).getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(twice, UploadBodies.CONTENT_TYPE, 400, "more than one 'content' part");
    }

    @Test
    void parse_badContentType_400() {
        byte[] body = UploadBodies.wheel("tiny", "1.0", WHEEL).bytes();
        assertRefused(body, null, 400, "Missing Content-Type");
        assertRefused(body, "application/json", 400, "multipart/form-data");
        assertRefused(body, "multipart/form-data", 400, "boundary");
        assertRefused(body, "multipart/form-data; boundary=" + "x".repeat(71), 400, "boundary");
        assertRefused(body, "multipart/form-data; boundary=other", 400, "ended");
    }

    @Test
    void parse_quotedBoundaryAndPreamble_accepted() throws IOException {
        byte[] body = UploadBodies.wheel("tiny", "1.0", WHEEL).bytes();
        byte[] withPreamble = ("This is a preamble.\r\n" + new String(body, StandardCharsets.ISO_8859_1)
                + "an epilogue").getBytes(StandardCharsets.ISO_8859_1);
        LegacyUpload upload = parser.parse(new ByteArrayInputStream(withPreamble),
                "Multipart/Form-Data; charset=utf-8; boundary=\"" + UploadBodies.BOUNDARY + "\"", this::open);
        assertThat(upload.size()).isEqualTo(WHEEL.length);
    }

    @Test
    void parse_fileOverTheLimit_413() {
        LegacyUploadParser small = new LegacyUploadParser(UploadLimits.DEFAULT.withMaxFileBytes(10));
        assertThatThrownBy(() -> small.parse(new ByteArrayInputStream(UploadBodies.wheel("tiny", "1.0", WHEEL)
                .bytes()), UploadBodies.CONTENT_TYPE, this::open))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.httpStatus()).isEqualTo(413))
                .hasMessageContaining("file is larger than the limit of 10 bytes");
    }

    @Test
    void parse_largeFileInRandomReadSizes_sameBytesAndDigests() throws IOException {
        Random random = new Random(SEED);
        for (int i = 0; i < 30; i++) {
            byte[] file = new byte[random.nextInt(300_000)];
            random.nextBytes(file);
            if (file.length > 100) { // plant near-boundaries inside the file
                byte[] near = ("\r\n--" + UploadBodies.BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(near, 0, file, random.nextInt(file.length - near.length), near.length);
            }
            byte[] body = UploadBodies.wheel("tiny", "1.0", file).bytes();
            stored.reset();
            LegacyUpload upload = parser.parse(new TrickleInputStream(body, random), UploadBodies.CONTENT_TYPE,
                    this::open);
            assertThat(stored.toByteArray()).as("seed %d case %d", SEED, i).isEqualTo(file);
            assertThat(upload.digests().sha256()).isEqualTo(UploadBodies.hex("SHA-256", file));
        }
    }

    private LegacyUpload parse(byte[] body) throws IOException {
        return parser.parse(new ByteArrayInputStream(body), UploadBodies.CONTENT_TYPE, this::open);
    }

    private java.io.OutputStream open(String filename) {
        openedAs = filename;
        return stored;
    }

    private void assertRefused(UploadBodies body, int status, String why) {
        assertRefused(body.bytes(), UploadBodies.CONTENT_TYPE, status, why);
    }

    private void assertRefused(byte[] body, String contentType, int status, String why) {
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(body), contentType, this::open))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.httpStatus()).isEqualTo(status))
                .hasMessageContaining(why);
    }

    /** Hands out bytes a few at a time, as a network or a slow disk does. */
    static final class TrickleInputStream extends InputStream {
        private final byte[] data;
        private final Random random;
        private int position;

        TrickleInputStream(byte[] data, Random random) {
            this.data = data;
            this.random = random;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, data.length - position), 1 + random.nextInt(5_000));
            System.arraycopy(data, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
