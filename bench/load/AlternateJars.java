import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Before/after per-operation figures that a busy machine does not blur as much: runs a CPU-per-op main (e.g.
 * {@code io.gatepass.bench.CodecCpuPerOp}) from two benchmark jars, each in its own class loader of one JVM, one after
 * the other, N times, and prints each measured line of both side by side (A = first jar, B = second). The first pass
 * of each is a warm-up and is not shown. Lines are grouped by the main's section and phase (CodecCpuPerOp's format).
 * Usage (jars from `mvn -o -B -q -DskipTests package -pl bench -am`, copied aside for each tree):
 *   taskset -c 0 java bench/load/AlternateJars.java before.jar after.jar io.gatepass.bench.CodecCpuPerOp 5 100000 3
 */
public class AlternateJars {
    public static void main(String[] args) throws Exception {
        String[] jars = {args[0], args[1]};
        String main = args[2];
        int passes = Integer.parseInt(args[3]);
        String[] mainArgs = Arrays.copyOfRange(args, 4, args.length);
        ClassLoader[] loaders = new ClassLoader[2];
        for (int i = 0; i < 2; i++) {
            loaders[i] = new URLClassLoader(new URL[] {new File(jars[i]).toURI().toURL()},
                    ClassLoader.getPlatformClassLoader());
        }
        PrintStream out = System.out;
        Map<String, List<String>> lines = new TreeMap<>();
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < 2; i++) {
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                System.setOut(new PrintStream(captured, true));
                Thread.currentThread().setContextClassLoader(loaders[i]);
                try {
                    Class.forName(main, true, loaders[i]).getMethod("main", String[].class)
                            .invoke(null, (Object) mainArgs);
                } finally {
                    System.setOut(out);
                }
                if (pass == 0) {
                    continue;
                }
                String section = "";
                for (String line : captured.toString().split("\n")) {
                    if (!line.startsWith(" ")) {
                        section = line.split(" \\(")[0];
                        continue;
                    }
                    String phase = section + " | " + line.trim().split(" ")[0];
                    String figures = line.replaceAll("\\(warm-up[^)]*\\)", "").replaceAll(".*round:", "").trim();
                    lines.computeIfAbsent(phase, k -> new ArrayList<>()).add((i == 0 ? "A " : "B ") + figures);
                }
            }
        }
        lines.forEach((phase, figures) -> {
            System.out.println(phase);
            figures.forEach(f -> System.out.println("   " + f));
        });
    }
}
