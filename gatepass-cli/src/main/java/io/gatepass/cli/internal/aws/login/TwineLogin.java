package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.CliException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * twine: writes ~/.pypirc as aws does, with "codeartifact" added to [distutils] index-servers and a [codeartifact]
 * section holding the repository URL, username aws and the token; other sections are kept (comments are lost, as
 * Python's configparser loses them).
 */
final class TwineLogin implements ToolLogin {

    private static final String SECTION = "codeartifact";

    @Override
    public void login(LoginContext context) {
        Path pypirc = context.io().home().resolve(".pypirc");
        String content = content(SecretFiles.read(pypirc), pypirc.toString(), context);
        FileLogin.writeOrShow(context, pypirc, content, "twine", "pypirc");
    }

    private static String content(String existing, String fileName, LoginContext context) {
        if (existing == null) {
            return "[distutils]\nindex-servers = \n\tpypi\n\tcodeartifact\n\n[codeartifact]\nrepository = "
                    + context.endpoint() + "\nusername = aws\npassword = " + context.token() + "\n\n";
        }
        try {
            PythonIniFile ini = PythonIniFile.parse(existing, fileName);
            List<String> servers = new ArrayList<>(Arrays.stream(ini.get("distutils", "index-servers").split("\n"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList());
            if (!servers.contains(SECTION)) {
                servers.add(SECTION);
                ini.set("distutils", "index-servers", "\n" + String.join("\n", servers));
            }
            if (!ini.hasSection(SECTION)) {
                ini.addSection(SECTION);
            }
            ini.set(SECTION, "repository", context.endpoint());
            ini.set(SECTION, "username", "aws");
            ini.set(SECTION, "password", context.token());
            return ini.write();
        } catch (PythonIniFile.IniException e) {
            context.io().out().print(fileName + " is in an invalid state.\n");
            context.io().out().flush();
            throw CliException.other(e.getMessage(), e);
        }
    }
}
