package io.gatepass.cli.internal.aws.login;

import java.util.List;

/** The logins that run the tool's own configuration commands (npm, pip), as aws does. */
abstract class CommandLogin implements ToolLogin {

    /** The commands to run, each a program name and its arguments. */
    abstract List<List<String>> commands(LoginContext context);

    /** Whether a failure of this command is ignored. */
    boolean ignoresErrors(List<String> command) {
        return false;
    }

    @Override
    public void login(LoginContext context) {
        List<List<String>> commands = commands(context);
        String tool = context.args().tool().cliName();
        if (context.args().dryRun()) {
            for (List<String> command : commands) {
                context.io().out().print(String.join(" ", command) + "\n\n");
            }
            context.io().out().flush();
            return;
        }
        for (List<String> command : commands) {
            ToolProcess.run(tool, command, context.io(), ignoresErrors(command), context.token());
        }
        context.success(tool);
    }
}
