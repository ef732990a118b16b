package io.gatepass.cli.internal.aws.login;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seeded random cases checked against aws v2's own Python: its expiry wording and Python's datetime text, and
 * configparser's reading and writing of a .pypirc.
 */
class PythonParityTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void expiryWordingAndTimestamp_matchAwsForRandomDurationsAndZones() throws Exception {
        Random random = new Random(6L);
        String[] zones = {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata", "Pacific/Chatham"};
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long now = 1_700_000_000L + random.nextInt(100_000_000);
            long left = switch (i % 3) {
                case 0 -> random.nextInt(43_300);
                case 1 -> 900 + random.nextInt(120) * 360L - 45 + random.nextInt(90);
                default -> random.nextInt(400_000) - 100;
            };
            cases.add(Map.of("now", now, "nowMicros", random.nextInt(1_000_000), "expiration", now + left,
                    "expirationMicros", random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000),
                    "zone", zones[random.nextInt(zones.length)]));
        }
        List<Map<String, String>> python = python("""
                import json, os, sys, time
                from datetime import datetime, timedelta
                from dateutil.tz import tzutc, tzlocal
                from dateutil.relativedelta import relativedelta
                from awscli.customizations.codeartifact.login import get_relative_expiration_time
                out = []
                for c in json.load(sys.stdin):
                    os.environ['TZ'] = c['zone']; time.tzset()
                    now = datetime.fromtimestamp(c['now'], tzutc()) + timedelta(microseconds=c['nowMicros'])
                    exp = datetime.fromtimestamp(c['expiration'], tzlocal()) \\
                        + timedelta(microseconds=c['expirationMicros'])
                    words = get_relative_expiration_time(relativedelta(exp, now) + relativedelta(seconds=30))
                    out.append({'words': words, 'time': str(exp)})
                json.dump(out, sys.stdout)
                """, cases);
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = cases.get(i);
            Instant now = Instant.ofEpochSecond(((Number) c.get("now")).longValue(),
                    ((Number) c.get("nowMicros")).longValue() * 1000);
            Instant expiration = Instant.ofEpochSecond(((Number) c.get("expiration")).longValue(),
                    ((Number) c.get("expirationMicros")).longValue() * 1000);
            assertThat(LoginMessages.remaining(now, expiration)).as("case %s", c)
                    .isEqualTo(python.get(i).get("words"));
            assertThat(LoginMessages.timestamp(expiration, ZoneId.of((String) c.get("zone")))).as("case %s", c)
                    .isEqualTo(python.get(i).get("time"));
        }
    }

    @Test
    void pypircReadAndWrite_matchConfigparserForRandomFiles() throws Exception {
        Random random = new Random(1123L);
        String[] fragments = {"[pypi]\n", "[DEFAULT]\n", "[Mixed Case]\n", "index-servers = pypi\n", "    pypi\n",
                "\tcodeartifact\n", "  local\n", "Repository: https://x/\n", "username=me\n", "password = p=q:r\n",
                "empty =\n", "# comment\n", "; other comment\n", "\n", "   \n", "key = value # not a comment\n",
                "  indented = key\n", "UPPER = 1\n"};
        String[] troubles = {"[pypi]\n", "[distutils]\n", "not an option\n", "[broken\n", "upper = 2\n",
                "index-servers =\n"};
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder file = new StringBuilder(random.nextInt(4) == 0 ? "" : "[distutils]\nindex-servers =\n");
            for (int n = random.nextInt(9); n > 0; n--) {
                file.append(random.nextInt(12) == 0 ? troubles[random.nextInt(troubles.length)]
                        : fragments[random.nextInt(fragments.length)]);
            }
            files.add(random.nextInt(5) == 0 ? file.toString().stripTrailing() : file.toString());
        }
        List<Map<String, String>> python = python("""
                import configparser, json, sys
                out = []
                for text in json.load(sys.stdin):
                    parser = configparser.RawConfigParser()
                    try:
                        parser.read_string(text, source='/home/u/.pypirc')
                        servers = parser.get('distutils', 'index-servers')
                        from io import StringIO
                        buffer = StringIO(); parser.write(buffer)
                        out.append({'ok': buffer.getvalue(), 'servers': servers})
                    except Exception as e:
                        out.append({'error': str(e)})
                json.dump(out, sys.stdout)
                """, files);
        int written = 0;
        for (int i = 0; i < files.size(); i++) {
            Map<String, String> expected = python.get(i);
            String file = files.get(i);
            try {
                PythonIniFile ini = PythonIniFile.parse(file, "/home/u/.pypirc");
                String servers = ini.get("distutils", "index-servers");
                assertThat(ini.write()).as("file %s", file).isEqualTo(expected.get("ok"));
                assertThat(servers).as("file %s", file).isEqualTo(expected.get("servers"));
                written++;
            } catch (PythonIniFile.IniException e) {
                assertThat(e.getMessage()).as("file %s", file).isEqualTo(expected.get("error"));
            }
        }
        assertThat(written).as("files both read without error").isGreaterThan(150);
    }

    private static List<Map<String, String>> python(String program, Object input) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "aws v2's Python at " + PYTHON);
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", program).redirectError(
                ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().write(JSON.writeValueAsBytes(input));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<Map<String, Object>> raw = JSON.readValue(output, new TypeReference<>() {
        });
        List<Map<String, String>> results = new ArrayList<>();
        for (Map<String, Object> entry : raw) {
            Map<String, String> strings = new java.util.HashMap<>();
            entry.forEach((key, value) -> strings.put(key, String.valueOf(value)));
            results.add(strings);
        }
        return results;
    }
}
